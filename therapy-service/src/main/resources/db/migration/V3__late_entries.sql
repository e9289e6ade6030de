-- A session documented after it took place (a late entry) stays recognisable as such.
alter table therapy_session add column late_entry boolean not null default false;
