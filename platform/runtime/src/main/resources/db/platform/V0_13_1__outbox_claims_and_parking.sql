-- Outbox relay without a transaction around Kafka sends: rows are claimed for a while (claim_token,
-- claimed_until), sent, then marked SENT in a short transaction. A row Kafka keeps rejecting is PARKED.
alter table outbox_event
    add column status          varchar(10) not null default 'PENDING',
    add column claim_token     uuid,
    add column claimed_until   timestamptz,
    add column next_attempt_at timestamptz,
    add column rejections      integer     not null default 0,
    add column parked_at       timestamptz,
    add constraint outbox_event_status check (status in ('PENDING', 'SENT', 'PARKED'));

update outbox_event set status = 'SENT' where sent_at is not null;

drop index outbox_event_unsent;
-- The relay reads pending rows per message key in id order (= commit order per key, see Outbox).
create index outbox_event_pending on outbox_event (message_key, id) where status = 'PENDING';
create index outbox_event_parked on outbox_event (id) where status = 'PARKED';
