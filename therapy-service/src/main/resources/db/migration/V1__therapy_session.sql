-- Therapy sessions between a patient and their therapist; notes and assessments build on it.
create table therapy_session (
    id               uuid         primary key,
    patient_id       varchar(100) not null,
    therapist_id     varchar(100) not null,
    starts_at        timestamptz  not null,
    duration_minutes integer      not null,
    status           varchar(20)  not null,
    created_at       timestamptz  not null
);
create index therapy_session_patient on therapy_session (patient_id, starts_at);
create index therapy_session_therapist on therapy_session (therapist_id, starts_at);
