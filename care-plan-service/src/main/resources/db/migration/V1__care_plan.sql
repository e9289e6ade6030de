-- The care plan: one current plan per patient; later revisions and care teams build on it.
create table care_plan (
    id          uuid         primary key,
    patient_id  varchar(100) not null,
    status      varchar(20)  not null,
    modality    varchar(20)  not null,
    revision    integer      not null default 1,
    created_at  timestamptz  not null,
    updated_at  timestamptz  not null
);
create index care_plan_patient on care_plan (patient_id);
