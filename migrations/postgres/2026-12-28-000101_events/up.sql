-- Events to employers' systems (issue 22). The events are not stored twice: an event is an
-- audit row (audit_events) whose action maps to an event type, and its place in the chain
-- (seq, assigned in commit order under the chain head's lock) is the feed's cursor and the
-- event's id. These indexes let the feed read one employer's or one region's events in
-- that order without a scan of the whole trail.
CREATE INDEX audit_events_bin_seq ON audit_events (bin, seq);
CREATE INDEX audit_events_region_seq ON audit_events (region, seq);

-- Events that come from time passing (expiry coming up, the last day to pay, an overdue
-- departure) are recorded once per case, type and day by the sweep: this key makes a
-- second sweep of the same day (or a second instance) record nothing.
CREATE TABLE event_marks (
    entity_type TEXT NOT NULL,
    entity_id   TEXT NOT NULL,
    event_type  TEXT NOT NULL,
    on_date     DATE NOT NULL,
    PRIMARY KEY (entity_type, entity_id, event_type, on_date)
);

-- An endpoint an employer (its BIN) or an akimat (its region) registered to receive its
-- events. The secret signs every delivery (Standard Webhooks, HMAC-SHA256); it is shown
-- once, in the answer that created the subscription. cursor_seq is the last event of the
-- trail already turned into deliveries for it (the seq of the chain when it was created,
-- so that it receives what happens after). A deleted subscription keeps its row (its
-- deliveries' log refers to it) with deleted_at set.
CREATE TABLE webhook_subscriptions (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    role        TEXT NOT NULL CHECK (role IN ('employer', 'akimat')),
    bin         TEXT,
    region      TEXT REFERENCES regions (code),
    url         TEXT NOT NULL,
    secret      TEXT NOT NULL,
    types       TEXT NOT NULL,
    cursor_seq  BIGINT NOT NULL,
    created_at  TIMESTAMP NOT NULL,
    created_by  TEXT NOT NULL,
    deleted_at  TIMESTAMP,
    CHECK ((role = 'employer' AND bin IS NOT NULL) OR (role = 'akimat' AND region IS NOT NULL))
);
CREATE INDEX webhook_subscriptions_bin ON webhook_subscriptions (bin);
CREATE INDEX webhook_subscriptions_region ON webhook_subscriptions (region);

-- One event to send to one subscription: pending until the receiver answered 2xx
-- (delivered) or the retry schedule ran out (failed). next_attempt_at is when the worker
-- may try next; a worker that takes a delivery moves it ahead by a lease first, so a
-- delivery cut short by a crash is tried again when the lease ends (at least once).
-- attempts counts the tries since the delivery was (re)queued.
CREATE TABLE webhook_deliveries (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    subscription_id BIGINT NOT NULL REFERENCES webhook_subscriptions (id),
    event_seq       BIGINT NOT NULL,
    event_type      TEXT NOT NULL,
    status          TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
    attempts        INTEGER NOT NULL,
    next_attempt_at TIMESTAMP NOT NULL,
    created_at      TIMESTAMP NOT NULL,
    delivered_at    TIMESTAMP,
    UNIQUE (subscription_id, event_seq)
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at);

-- Every try of a delivery: when, the receiver's HTTP status (null when none came: refused
-- connection, timeout), and a short error.
CREATE TABLE webhook_attempts (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    delivery_id   BIGINT NOT NULL REFERENCES webhook_deliveries (id),
    attempted_at  TIMESTAMP NOT NULL,
    status_code   INTEGER,
    error         TEXT,
    duration_ms   BIGINT NOT NULL
);
CREATE INDEX webhook_attempts_delivery ON webhook_attempts (delivery_id);
