-- Requests the request service canceled. A DeliveryRequested for one of them (a later reprocess, or one that only
-- arrives now) is ignored, so a canceled request never gets an assignment.
CREATE TABLE canceled_requests (
    request_id  UUID PRIMARY KEY,
    canceled_at TIMESTAMPTZ NOT NULL
);
