-- Custom workflow extensions (issue 6). Read model, written only by the projection of extension-gateway's events:
-- which extensions are launch-and-wait, so a request knows whether to wait for their callback.
CREATE TABLE custom_workflow_extensions (
    id                      UUID PRIMARY KEY,
    catalog_id              UUID    NOT NULL,
    kind                    TEXT    NOT NULL,
    display_name            TEXT    NOT NULL,
    launch_and_wait         BOOLEAN NOT NULL,
    -- ISO 8601, as extension-gateway states it; null when it did not.
    duration_before_timeout TEXT
);

-- A request held by launch-and-wait extensions: the stage, the extensions still awaited and their safety deadlines, as
-- this service's own JSON document; null when nothing holds it (status WaitingForCallback derives from it).
ALTER TABLE assignment_requests
    ADD COLUMN callout_wait     JSONB,
    -- The earliest safety deadline of the awaited extensions; the sweeper selects on it.
    ADD COLUMN callout_deadline TIMESTAMPTZ;
CREATE INDEX assignment_requests_callout_deadline ON assignment_requests (callout_deadline)
    WHERE callout_deadline IS NOT NULL;

-- Every callout extension-gateway reported for a request, in its latest state: the request's
-- customExtensionCalloutInstances. occurred_at is the latest event's, so a late older event overwrites nothing.
CREATE TABLE callout_instances (
    id                      UUID PRIMARY KEY,
    request_id              UUID        NOT NULL,
    custom_extension_id     UUID        NOT NULL,
    stage                   TEXT        NOT NULL,
    status                  TEXT        NOT NULL,
    detail                  TEXT,
    external_correlation_id TEXT,
    -- The first event's time, which orders a request's callouts, and the latest's.
    first_occurred_at       TIMESTAMPTZ NOT NULL,
    occurred_at             TIMESTAMPTZ NOT NULL
);
CREATE INDEX callout_instances_request ON callout_instances (request_id);
