-- Enum-like columns hold Graph's v1.0 camelCase names (userAdd, submitted, afterDuration).
CREATE TABLE assignment_requests (
    id                   UUID PRIMARY KEY,
    request_type         TEXT        NOT NULL,
    state                TEXT        NOT NULL,
    access_package_id    UUID        NOT NULL,
    catalog_id           UUID,
    assignment_policy_id UUID,
    target_id            UUID        NOT NULL,
    requestor_id         UUID,
    assignment_id        UUID,
    justification        TEXT,
    schedule_start       TIMESTAMPTZ,
    expiration_type      TEXT        NOT NULL,
    expiration_duration  TEXT,
    expiration_end       TIMESTAMPTZ,
    answers              JSONB       NOT NULL,
    created_at           TIMESTAMPTZ NOT NULL,
    completed_at         TIMESTAMPTZ,
    failure_reason       TEXT
);
CREATE INDEX assignment_requests_target ON assignment_requests (target_id);
CREATE INDEX assignment_requests_requestor ON assignment_requests (requestor_id);
CREATE INDEX assignment_requests_package ON assignment_requests (access_package_id);
CREATE INDEX assignment_requests_assignment ON assignment_requests (assignment_id);
-- The last word on duplicates when two submissions race past the read-model check: at most one open add per target,
-- package and policy, and at most one open removal or update per assignment.
CREATE UNIQUE INDEX assignment_requests_one_open_add ON assignment_requests (target_id, access_package_id, assignment_policy_id)
    WHERE request_type IN ('userAdd', 'adminAdd') AND state IN ('submitted', 'pendingApproval', 'scheduled', 'delivering');
CREATE UNIQUE INDEX assignment_requests_one_open_change ON assignment_requests (assignment_id)
    WHERE request_type IN ('userRemove', 'adminRemove', 'userUpdate', 'adminUpdate')
      AND state IN ('submitted', 'pendingApproval', 'scheduled', 'delivering');

-- Read models, each written only by the projection of the owning service's events.

-- Whole policies from policy-service; the document is this service's own JSON of what validation needs.
CREATE TABLE assignment_policies (
    id                UUID PRIMARY KEY,
    access_package_id UUID  NOT NULL,
    display_name      TEXT  NOT NULL,
    document          JSONB NOT NULL
);
CREATE INDEX assignment_policies_package ON assignment_policies (access_package_id);

CREATE TABLE access_packages (
    id           UUID PRIMARY KEY,
    catalog_id   UUID    NOT NULL,
    display_name TEXT    NOT NULL,
    description  TEXT,
    is_hidden    BOOLEAN NOT NULL
);

CREATE TABLE directory_users (
    id                  UUID PRIMARY KEY,
    display_name        TEXT    NOT NULL,
    user_principal_name TEXT    NOT NULL,
    mail                TEXT,
    user_type           TEXT    NOT NULL,
    account_enabled     BOOLEAN NOT NULL
);

-- Direct group memberships: a policy may admit the members of a group.
CREATE TABLE group_members (
    group_id  UUID NOT NULL,
    member_id UUID NOT NULL,
    PRIMARY KEY (group_id, member_id)
);
CREATE INDEX group_members_member ON group_members (member_id);

-- Assignments from provisioning-service: what removals name and what the duplicate check looks at.
CREATE TABLE assignments (
    id                   UUID PRIMARY KEY,
    access_package_id    UUID        NOT NULL,
    catalog_id           UUID,
    assignment_policy_id UUID,
    target_id            UUID        NOT NULL,
    state                TEXT        NOT NULL,
    status               TEXT        NOT NULL,
    request_id           UUID,
    start_at             TIMESTAMPTZ NOT NULL,
    expiration_at        TIMESTAMPTZ
);
CREATE INDEX assignments_target ON assignments (target_id, access_package_id, assignment_policy_id);
