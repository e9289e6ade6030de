-- Tables of the shared runtime kit, present in every service's database.
-- Kit migrations are versioned 0.x so they always run before a service's own V1.

-- Transactional outbox: written in the same transaction as the state change, relayed to Kafka after commit.
create table outbox_event (
    id            bigserial primary key,
    event_id      uuid         not null unique,
    topic         varchar(200) not null,
    message_key   varchar(200) not null,
    event_type    varchar(200) not null,
    payload       text         not null,
    created_at    timestamptz  not null default now(),
    sent_at       timestamptz,
    attempts      integer      not null default 0,
    last_error    varchar(500)
);
create index outbox_event_unsent on outbox_event (id) where sent_at is null;

-- Inbox: ids of events a consumer has applied; written in the same transaction as the projection.
create table inbox_event (
    consumer     varchar(100) not null,
    event_id     varchar(100) not null,
    event_type   varchar(200) not null,
    processed_at timestamptz  not null default now(),
    primary key (consumer, event_id)
);

-- Care-team directory: projection of care-team changed events, read by access checks.
create table care_team_member (
    patient_id  varchar(100) not null,
    provider_id varchar(100) not null,
    role        varchar(30)  not null,
    care_plan_id varchar(100) not null,
    updated_at  timestamptz  not null,
    primary key (patient_id, provider_id, role)
);
create index care_team_member_provider on care_team_member (provider_id);

-- Audit trail: every read or write of a patient's record.
create table audit_entry (
    id            bigserial primary key,
    occurred_at   timestamptz  not null default now(),
    subject       varchar(100) not null,
    role          varchar(50)  not null,
    action        varchar(50)  not null,
    resource_type varchar(100) not null,
    resource_id   varchar(100),
    patient_id    varchar(100),
    outcome       varchar(20)  not null
);
create index audit_entry_patient on audit_entry (patient_id, occurred_at);
