-- Prescriptions a psychiatrist issued; dose history, refills and check-ins build on it.
create table prescription (
    id              uuid         primary key,
    patient_id      varchar(100) not null,
    prescriber_id   varchar(100) not null,
    medication_name varchar(200) not null,
    drug_class      varchar(40)  not null,
    status          varchar(20)  not null,
    created_at      timestamptz  not null
);
create index prescription_patient on prescription (patient_id, status);
