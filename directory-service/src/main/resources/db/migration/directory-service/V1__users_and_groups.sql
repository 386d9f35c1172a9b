CREATE TABLE users (
    id                  UUID PRIMARY KEY,
    display_name        TEXT        NOT NULL,
    user_principal_name TEXT        NOT NULL,
    mail                TEXT,
    mail_nickname       TEXT,
    account_enabled     BOOLEAN     NOT NULL,
    user_type           TEXT        NOT NULL,
    department          TEXT,
    job_title           TEXT,
    given_name          TEXT,
    surname             TEXT,
    manager_id          UUID REFERENCES users (id) ON DELETE SET NULL,
    created_at          TIMESTAMPTZ NOT NULL
);
-- Graph treats userPrincipalName as case-insensitive and unique.
CREATE UNIQUE INDEX users_upn_unique ON users (lower(user_principal_name));
CREATE INDEX users_display_name ON users (display_name);

CREATE TABLE groups (
    id               UUID PRIMARY KEY,
    display_name     TEXT        NOT NULL,
    description      TEXT,
    mail_nickname    TEXT        NOT NULL,
    mail_enabled     BOOLEAN     NOT NULL,
    security_enabled BOOLEAN     NOT NULL,
    group_types      TEXT[]      NOT NULL DEFAULT '{}',
    created_at       TIMESTAMPTZ NOT NULL
);
CREATE INDEX groups_display_name ON groups (display_name);

CREATE TABLE group_relationships (
    group_id     UUID        NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    user_id      UUID        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    relationship TEXT        NOT NULL CHECK (relationship IN ('member', 'owner')),
    added_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (group_id, relationship, user_id)
);
CREATE INDEX group_relationships_user ON group_relationships (user_id, relationship);
