-- One care plan per patient (a plan is revised, never replaced). Intake also serializes a patient's
-- intakes with a lock, so a double-tapped intake answers 409; this index is the last line of defence.
drop index care_plan_patient;
create unique index care_plan_one_per_patient on care_plan (patient_id);
