create table kit_test_projection (
    patient_id    varchar(100) primary key,
    applied_count integer not null
);
