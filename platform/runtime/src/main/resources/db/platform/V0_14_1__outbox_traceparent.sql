-- The W3C traceparent of the transaction that wrote an outbox row, so the relayed Kafka record continues its trace.
-- Null when nothing was traced.
alter table outbox_event add column traceparent varchar(100);
