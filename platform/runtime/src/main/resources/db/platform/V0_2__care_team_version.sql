-- When each patient's care team last changed, so that an older care-team event arriving late (a replay from the
-- dead-letter topic, say) never overwrites a newer team, even one that has no members left.
create table care_team_version (
    patient_id  varchar(100) primary key,
    changed_at  timestamptz  not null
);
