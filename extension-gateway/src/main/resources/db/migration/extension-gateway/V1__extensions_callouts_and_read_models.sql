-- ---- owned by extension-gateway

-- Custom workflow extensions of catalogs. The signing secret is stored in clear in this schema (docs/adr/0010):
-- only this service reads it, and it must be able to sign with it.
CREATE TABLE extensions (
    id                      UUID PRIMARY KEY,
    catalog_id              UUID NOT NULL,
    kind                    TEXT NOT NULL,
    display_name            TEXT NOT NULL,
    description             TEXT,
    endpoint_configuration  TEXT NOT NULL,   -- JSON, as the client sent it (Graph data)
    endpoint_url            TEXT,            -- where callouts go; null when the Logic App's URL was not given
    authentication          TEXT,            -- JSON, as the client sent it; the client secret is never shown back
    timeout_ms              INTEGER NOT NULL,
    maximum_retries         INTEGER NOT NULL,
    duration_before_timeout TEXT,            -- ISO-8601; present = launch-and-wait
    signing_secret          TEXT NOT NULL,   -- whsec_<base64 of 32 random bytes>
    created_by              TEXT,
    created_at              TIMESTAMPTZ NOT NULL,
    modified_by             TEXT,
    modified_at             TIMESTAMPTZ NOT NULL
);
CREATE INDEX extensions_by_catalog ON extensions (catalog_id);

-- One call of an extension at one stage; id is the CustomExtensionStageInstanceId. A callout is queued while
-- next_attempt_at is set, and waits for its callback while callback_due_at is set.
CREATE TABLE callouts (
    id                UUID PRIMARY KEY,
    extension_id      UUID NOT NULL,
    stage             TEXT NOT NULL,
    source_event_id   TEXT NOT NULL,
    request_id        UUID,
    assignment_id     UUID,
    access_package_id UUID NOT NULL,
    target_id         UUID NOT NULL,
    launch_and_wait   BOOLEAN NOT NULL,
    status            TEXT NOT NULL,
    attempts          INTEGER NOT NULL DEFAULT 0,
    last_http_status  INTEGER,
    detail            TEXT,
    payload           TEXT NOT NULL,
    endpoint_host     TEXT NOT NULL,
    next_attempt_at   TIMESTAMPTZ,
    callback_due_at   TIMESTAMPTZ,
    correlation_id    TEXT,
    created_at        TIMESTAMPTZ NOT NULL,
    invoked_at        TIMESTAMPTZ,
    completed_at      TIMESTAMPTZ,
    UNIQUE (source_event_id, extension_id)
);
CREATE INDEX callouts_due ON callouts (next_attempt_at) WHERE next_attempt_at IS NOT NULL;
CREATE INDEX callouts_waiting ON callouts (callback_due_at) WHERE callback_due_at IS NOT NULL;
CREATE INDEX callouts_by_request ON callouts (request_id);
CREATE INDEX callouts_by_assignment ON callouts (assignment_id);

-- ---- read models, fed only by other services' events

CREATE TABLE catalogs (
    id           UUID PRIMARY KEY,
    display_name TEXT NOT NULL,
    description  TEXT
);

CREATE TABLE access_packages (
    id           UUID PRIMARY KEY,
    catalog_id   UUID NOT NULL,
    display_name TEXT NOT NULL,
    description  TEXT
);

CREATE TABLE assignment_policies (
    id                UUID PRIMARY KEY,
    access_package_id UUID NOT NULL,
    display_name      TEXT NOT NULL
);

-- customExtensionStageSettings of each policy: which extension runs at which stage.
CREATE TABLE policy_bindings (
    policy_id    UUID NOT NULL,
    stage        TEXT NOT NULL,
    extension_id UUID NOT NULL,
    PRIMARY KEY (policy_id, stage, extension_id)
);
CREATE INDEX policy_bindings_by_extension ON policy_bindings (extension_id);

CREATE TABLE directory_users (
    id                  UUID PRIMARY KEY,
    display_name        TEXT NOT NULL,
    user_principal_name TEXT NOT NULL
);

-- Who asked for what: resume rights (requestor, target) and the request's facts for assignment-stage payloads.
CREATE TABLE assignment_requests (
    id                UUID PRIMARY KEY,
    requestor_id      UUID,
    target_id         UUID NOT NULL,
    request_type      TEXT NOT NULL,
    state             TEXT NOT NULL,
    status            TEXT NOT NULL
);
