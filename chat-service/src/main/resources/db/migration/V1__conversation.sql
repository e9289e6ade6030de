-- Conversations of a patient with their care team or automated support; messages build on it.
create table conversation (
    id          uuid         primary key,
    patient_id  varchar(100) not null,
    kind        varchar(20)  not null,
    created_at  timestamptz  not null
);
create index conversation_patient on conversation (patient_id);
