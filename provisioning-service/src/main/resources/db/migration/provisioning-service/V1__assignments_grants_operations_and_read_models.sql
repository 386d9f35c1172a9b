-- ---- read models, fed only by other services' events

-- Access packages (catalog topic): for $expand=accessPackage and the catalog id of new assignments.
CREATE TABLE access_packages (
    id           UUID PRIMARY KEY,
    catalog_id   UUID NOT NULL,
    display_name TEXT NOT NULL,
    description  TEXT,
    is_hidden    BOOLEAN NOT NULL DEFAULT false
);

-- The resource role scopes each package grants (catalog topic); a new assignment gets one role per row.
CREATE TABLE package_role_scopes (
    access_package_id      UUID NOT NULL,
    role_scope_id          TEXT NOT NULL,
    role_origin_id         TEXT NOT NULL,
    resource_origin_id     TEXT NOT NULL,
    resource_origin_system TEXT NOT NULL,
    added_at               TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (access_package_id, role_scope_id)
);

-- Assignment policies (policy topic): for $expand=assignmentPolicy and the policy's expiration.
CREATE TABLE assignment_policies (
    id                  UUID PRIMARY KEY,
    access_package_id   UUID NOT NULL,
    display_name        TEXT NOT NULL,
    description         TEXT,
    expiration_type     TEXT NOT NULL,
    expiration_duration TEXT,
    expiration_end      TIMESTAMPTZ
);

-- Directory users (directory topic): the assignment's target subject.
CREATE TABLE directory_users (
    id                  UUID PRIMARY KEY,
    display_name        TEXT NOT NULL,
    user_principal_name TEXT NOT NULL,
    mail                TEXT
);

-- Group memberships and ownerships as the directory reports them, and who made each: a membership Quartermaster
-- did not make, present at its first grant, is never revoked by Quartermaster.
CREATE TABLE directory_memberships (
    group_id     UUID NOT NULL,
    user_id      UUID NOT NULL,
    relationship TEXT NOT NULL CHECK (relationship IN ('member', 'owner')),
    added_by     TEXT,
    PRIMARY KEY (group_id, user_id, relationship)
);
CREATE INDEX directory_memberships_by_user ON directory_memberships (user_id);

-- ---- provisioning's own state

CREATE TABLE assignments (
    id                   UUID PRIMARY KEY,
    access_package_id    UUID NOT NULL,
    catalog_id           UUID,
    assignment_policy_id UUID,
    target_id            UUID NOT NULL,
    state                TEXT NOT NULL,
    status               TEXT NOT NULL,
    request_id           UUID,
    start_at             TIMESTAMPTZ NOT NULL,
    expiration_type      TEXT NOT NULL,
    expiration_duration  TEXT,
    expiration_end       TIMESTAMPTZ,
    expires_at           TIMESTAMPTZ,
    expired_at           TIMESTAMPTZ,
    ending               TEXT CHECK (ending IN ('removal', 'expiry')),
    failure_reason       TEXT,
    created_at           TIMESTAMPTZ NOT NULL,
    modified_at          TIMESTAMPTZ NOT NULL
);
CREATE INDEX assignments_by_package ON assignments (access_package_id);
CREATE INDEX assignments_by_target ON assignments (target_id);
CREATE INDEX assignments_by_policy ON assignments (assignment_policy_id);

-- The roles each assignment grants and how their delivery went.
CREATE TABLE assignment_roles (
    assignment_id          UUID NOT NULL REFERENCES assignments (id) ON DELETE CASCADE,
    role_scope_id          TEXT NOT NULL,
    id                     UUID NOT NULL UNIQUE,
    role_origin_id         TEXT NOT NULL,
    resource_origin_id     TEXT NOT NULL,
    resource_origin_system TEXT NOT NULL,
    status                 TEXT NOT NULL,
    failure                TEXT,
    position               INT NOT NULL,
    PRIMARY KEY (assignment_id, role_scope_id)
);

-- Every request applied to an assignment: a repeated DeliveryRequested (reprocess) finds its assignment here.
CREATE TABLE assignment_requests (
    request_id    UUID PRIMARY KEY,
    assignment_id UUID NOT NULL REFERENCES assignments (id) ON DELETE CASCADE
);

-- Reference counts: one row per live assignment granting a role to a target. A membership is revoked only when
-- its last row goes, and never when the target held the role before Quartermaster's first grant.
CREATE TABLE role_grants (
    target_id      UUID NOT NULL,
    role_origin_id TEXT NOT NULL,
    assignment_id  UUID NOT NULL,
    PRIMARY KEY (target_id, role_origin_id, assignment_id)
);

CREATE TABLE pre_existing_roles (
    target_id      UUID NOT NULL,
    role_origin_id TEXT NOT NULL,
    recorded_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (target_id, role_origin_id)
);

-- Grants and revokes still to be carried out by target systems. A worker claims one with FOR UPDATE SKIP LOCKED and
-- holds the lock while calling the system, so two instances never run one operation, and a crash leaves it here.
CREATE TABLE pending_operations (
    id                     BIGSERIAL PRIMARY KEY,
    kind                   TEXT NOT NULL CHECK (kind IN ('grant', 'revoke')),
    assignment_id          UUID NOT NULL,
    target_id              UUID NOT NULL,
    role_scope_id          TEXT NOT NULL,
    role_origin_id         TEXT NOT NULL,
    resource_origin_id     TEXT NOT NULL,
    resource_origin_system TEXT NOT NULL,
    reassert               BOOLEAN NOT NULL DEFAULT false,
    due_at                 TIMESTAMPTZ NOT NULL,
    attempts               INT NOT NULL DEFAULT 0,
    last_error             TEXT,
    correlation_id         TEXT,
    created_at             TIMESTAMPTZ NOT NULL
);
CREATE INDEX pending_operations_due ON pending_operations (due_at, id);
-- Operations on one target's role run in the order they were queued (a revoke never overtakes an earlier grant).
CREATE INDEX pending_operations_by_role ON pending_operations (target_id, role_origin_id, id);

-- When each live assignment expires. A poller fires due timers with FOR UPDATE SKIP LOCKED, so a timer that came due
-- while the service was down fires when it is back, and once across instances.
CREATE TABLE expiry_timers (
    assignment_id UUID PRIMARY KEY,
    due_at        TIMESTAMPTZ NOT NULL
);
CREATE INDEX expiry_timers_due ON expiry_timers (due_at);
