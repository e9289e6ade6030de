-- A crisis reply lists its resources in the order of the hit's severity (emergency number first when imminent),
-- so the reply keeps that severity. Earlier replies take it from the flag raised on the message they answer.
alter table chat_message add column crisis_severity varchar(20);
update chat_message m set crisis_severity = f.severity
    from chat_risk_flag f
    where m.kind = 'CRISIS_RESOURCES' and f.message_id = m.reply_to;
