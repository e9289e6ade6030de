-- Sessions gain what booking and running them needs; the overlap rule is enforced by the database
-- so that two concurrent bookings can never both win the same slot.
create extension if not exists btree_gist;

alter table therapy_session
    add column ends_at              timestamptz,
    add column modality             varchar(30),
    add column format               varchar(20),
    add column series_id            uuid,
    add column summary              text,
    add column homework             text,
    add column cancellation_reason  text,
    add column late_cancellation    boolean,
    add column cancelled_at         timestamptz,
    add column completed_at         timestamptz,
    add column updated_at           timestamptz,
    add column version              integer not null default 0;

update therapy_session
   set ends_at = starts_at + duration_minutes * interval '1 minute',
       updated_at = created_at
 where ends_at is null;

alter table therapy_session
    alter column ends_at set not null,
    alter column modality set not null,
    alter column format set not null,
    alter column updated_at set not null,
    add constraint therapy_session_duration check (duration_minutes > 0),
    add constraint therapy_session_therapist_overlap exclude using gist (
        therapist_id with =, tstzrange(starts_at, ends_at, '[)') with &&) where (status <> 'CANCELLED'),
    add constraint therapy_session_patient_overlap exclude using gist (
        patient_id with =, tstzrange(starts_at, ends_at, '[)') with &&) where (status <> 'CANCELLED');

create index therapy_session_series on therapy_session (series_id) where series_id is not null;

-- Private notes live apart from the session so no query that serves a session can carry them.
create table session_private_note (
    session_id  uuid         primary key references therapy_session (id),
    author_id   varchar(100) not null,
    patient_id  varchar(100) not null,
    body        text         not null,
    written_at  timestamptz  not null
);

-- Scored PHQ-9 / GAD-7 questionnaires; the answers are kept so a score can always be re-derived.
create table assessment (
    id             uuid         primary key,
    patient_id     varchar(100) not null,
    instrument     varchar(10)  not null,
    answers        integer[]    not null,
    total          integer      not null,
    band           varchar(30)  not null,
    self_harm_risk boolean      not null,
    session_id     uuid         references therapy_session (id),
    submitted_by   varchar(100) not null,
    scored_at      timestamptz  not null
);
create index assessment_patient on assessment (patient_id, instrument, scored_at);
