-- Read model of the catalog's access packages, fed by its events (quartermaster.catalog.access-packages).
CREATE TABLE access_packages (
    id           UUID PRIMARY KEY,
    catalog_id   UUID    NOT NULL,
    display_name TEXT    NOT NULL,
    description  TEXT,
    is_hidden    BOOLEAN NOT NULL
);

-- Enum-like columns hold Graph's v1.0 camelCase names (specificDirectoryUsers, afterDuration).
CREATE TABLE assignment_policies (
    id                   UUID PRIMARY KEY,
    -- No cascade: the package's deletion event removes its policies one by one, each with its own event.
    access_package_id    UUID        NOT NULL REFERENCES access_packages (id),
    catalog_id           UUID        NOT NULL,
    display_name         TEXT        NOT NULL,
    description          TEXT,
    allowed_target_scope TEXT        NOT NULL,
    -- Targets, requestor settings, expiration, approval, questions and stage settings, as one document: they are
    -- always read and replaced whole, never queried.
    settings             JSONB       NOT NULL,
    created_at           TIMESTAMPTZ NOT NULL,
    modified_at          TIMESTAMPTZ NOT NULL,
    created_by           TEXT,
    modified_by          TEXT
);
CREATE INDEX assignment_policies_package ON assignment_policies (access_package_id);
CREATE INDEX assignment_policies_display_name ON assignment_policies (display_name);

-- Read model of the directory's users (quartermaster.directory.users): who is a Member, for allMemberUsers.
CREATE TABLE directory_users (
    id                  UUID PRIMARY KEY,
    display_name        TEXT    NOT NULL,
    user_principal_name TEXT    NOT NULL,
    is_member           BOOLEAN NOT NULL
);

-- Read model of direct group memberships (quartermaster.directory.groups), for groupMembers targets.
CREATE TABLE group_members (
    group_id  UUID NOT NULL,
    member_id UUID NOT NULL,
    PRIMARY KEY (group_id, member_id)
);
CREATE INDEX group_members_member ON group_members (member_id);

-- Read model of assignments per policy (quartermaster.provisioning.assignments): a policy in use is not deleted.
CREATE TABLE policy_assignments (
    id                UUID PRIMARY KEY,
    policy_id         UUID,
    access_package_id UUID    NOT NULL,
    target_id         UUID    NOT NULL,
    state             TEXT    NOT NULL,
    is_active         BOOLEAN NOT NULL
);
CREATE INDEX policy_assignments_active ON policy_assignments (policy_id) WHERE is_active;
