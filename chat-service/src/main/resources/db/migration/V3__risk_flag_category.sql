-- Risk flags carry the C-SSRS category, and severities move to IMMINENT / HIGH / ELEVATED.
-- Earlier flags keep no category; CRITICAL (intent, plan or act) becomes IMMINENT so none is under-called.
alter table chat_risk_flag add column category varchar(40);
update chat_risk_flag set severity = 'IMMINENT' where severity = 'CRITICAL';
update chat_risk_flag set severity = 'ELEVATED' where severity = 'MODERATE';
