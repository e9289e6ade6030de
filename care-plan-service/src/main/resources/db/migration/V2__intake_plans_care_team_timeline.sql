-- Intake result, recommendation, preferences, goals, cost and care team of a plan.
alter table care_plan
    add column recommended_modality    varchar(20),
    add column recommendation_rule     varchar(60),
    add column rationale               jsonb        not null default '[]',
    add column phq9_total              integer,
    add column phq9_band               varchar(30),
    add column gad7_total              integer,
    add column gad7_band               varchar(30),
    add column concerns                jsonb        not null default '[]',
    add column preferences             jsonb        not null default '{}',
    add column goals                   jsonb        not null default '[]',
    add column estimated_monthly_cost  numeric(10, 2),
    add column fits_budget             boolean      not null default true,
    add column therapist_id            varchar(100),
    add column prescriber_id           varchar(100),
    add column coordinator_id          varchar(100),
    add column activated_at            timestamptz,
    add column modality_since          timestamptz,
    add column review_requested_at     timestamptz;
create index care_plan_therapist on care_plan (therapist_id);
create index care_plan_prescriber on care_plan (prescriber_id);
create index care_plan_coordinator on care_plan (coordinator_id);

-- Every revision of a plan is kept, the first one included.
create table care_plan_revision (
    care_plan_id  uuid         not null references care_plan (id),
    revision      integer      not null,
    modality      varchar(20)  not null,
    goals         jsonb        not null,
    preferences   jsonb        not null,
    reason        varchar(500) not null,
    revised_by    varchar(100) not null,
    revised_at    timestamptz  not null,
    primary key (care_plan_id, revision)
);

-- The patient's progress from every service's events. seq is the feed's event id: entries are written
-- under a lock held until commit, so seq order is commit order and a resumed feed never skips one.
create table timeline_entry (
    seq           bigserial    primary key,
    patient_id    varchar(100) not null,
    kind          varchar(40)  not null,
    occurred_at   timestamptz  not null,
    summary       varchar(500) not null,
    details       jsonb        not null default '{}'
);
create index timeline_entry_patient on timeline_entry (patient_id, seq);

create table urgent_flag (
    id               uuid         primary key,
    patient_id       varchar(100) not null,
    source           varchar(40)  not null,
    severity         varchar(20)  not null,
    raised_at        timestamptz  not null,
    acknowledged_at  timestamptz,
    acknowledged_by  varchar(100)
);
create index urgent_flag_open on urgent_flag (patient_id) where acknowledged_at is null;

-- Caseload read model: latest measurements per patient.
create table patient_progress (
    patient_id       varchar(100) primary key,
    last_session_at  timestamptz,
    phq9_baseline    integer,
    phq9_previous    integer,
    phq9_latest      integer,
    phq9_scored_at   timestamptz,
    gad7_baseline    integer,
    gad7_previous    integer,
    gad7_latest      integer,
    gad7_scored_at   timestamptz
);

create table dose_check_in (
    event_id     varchar(100) primary key,
    patient_id   varchar(100) not null,
    taken        boolean      not null,
    recorded_at  timestamptz  not null
);
create index dose_check_in_patient on dose_check_in (patient_id, recorded_at);
