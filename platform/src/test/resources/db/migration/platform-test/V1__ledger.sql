-- Every application of an event by the test consumer. Deliberately no unique key on event_id:
-- only the inbox may keep a redelivered event from being applied twice.
CREATE TABLE ledger (
    position     BIGSERIAL PRIMARY KEY,
    event_id     UUID    NOT NULL,
    aggregate_id TEXT    NOT NULL,
    note         TEXT    NOT NULL,
    attempt      INTEGER NOT NULL
);
