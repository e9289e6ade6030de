-- Prescribing in full: current dose and schedule, refills, discontinuation, dose history, refill requests,
-- dose check-ins and side-effect reports. V1's table held no rows yet, so its new columns can be required.
alter table prescription
    add column dose_amount        numeric(12, 3) not null,
    add column dose_unit          varchar(10)    not null,
    add column frequency          varchar(30)    not null,
    add column instructions       varchar(1000),
    add column refills_allowed    integer        not null check (refills_allowed between 0 and 12),
    add column refills_approved   integer        not null default 0,
    add column start_date         date           not null,
    add column override_reason    varchar(1000),
    add column discontinued_at    timestamptz,
    add column discontinued_by    varchar(100),
    add column discontinue_reason varchar(1000),
    add constraint prescription_refill_limit check (refills_approved <= refills_allowed);

-- The database refuses a second active prescription of one medication even when two requests race.
create unique index prescription_one_active_per_medication
    on prescription (patient_id, lower(medication_name)) where status = 'ACTIVE';

-- Every dose a prescription has had, the first one included; rows are only ever added.
create table dose_change (
    id              uuid           primary key,
    prescription_id uuid           not null references prescription (id),
    amount          numeric(12, 3) not null,
    unit            varchar(10)    not null,
    reason          varchar(1000)  not null,
    changed_by      varchar(100)   not null,
    changed_at      timestamptz    not null
);
create index dose_change_prescription on dose_change (prescription_id, changed_at);

create table refill_request (
    id              uuid          primary key,
    prescription_id uuid          not null references prescription (id),
    patient_id      varchar(100)  not null,
    status          varchar(20)   not null,
    requested_at    timestamptz   not null,
    decided_by      varchar(100),
    decided_at      timestamptz,
    decision_reason varchar(1000)
);
create index refill_request_prescription on refill_request (prescription_id, requested_at);

-- One check-in per scheduled dose: (dose_date, slot) names the dose; as-needed doses have no slot.
create table dose_check_in (
    id              uuid          primary key,
    prescription_id uuid          not null references prescription (id),
    patient_id      varchar(100)  not null,
    status          varchar(10)   not null,
    taken_at        timestamptz   not null,
    dose_date       date          not null,
    slot            integer,
    note            varchar(1000),
    recorded_at     timestamptz   not null
);
create unique index dose_check_in_one_per_dose on dose_check_in (prescription_id, dose_date, slot);
create index dose_check_in_window on dose_check_in (prescription_id, dose_date);

create table side_effect_report (
    id              uuid          primary key,
    prescription_id uuid          not null references prescription (id),
    patient_id      varchar(100)  not null,
    symptom         varchar(64)   not null,
    severity        varchar(10)   not null,
    note            varchar(1000),
    reported_at     timestamptz   not null
);
create index side_effect_report_prescription on side_effect_report (prescription_id, reported_at);
