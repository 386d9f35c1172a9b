-- Enum-like columns hold Graph's v1.0 camelCase names (userManaged, published, adminAdd, delivered).
CREATE TABLE catalogs (
    id                    UUID PRIMARY KEY,
    display_name          TEXT        NOT NULL,
    description           TEXT,
    catalog_type          TEXT        NOT NULL,
    state                 TEXT        NOT NULL,
    is_externally_visible BOOLEAN     NOT NULL,
    created_at            TIMESTAMPTZ NOT NULL,
    modified_at           TIMESTAMPTZ NOT NULL,
    created_by            TEXT,
    modified_by           TEXT
);
-- One built-in General catalog, however many instances start at once.
CREATE UNIQUE INDEX catalogs_one_service_default ON catalogs (catalog_type) WHERE catalog_type = 'serviceDefault';
CREATE INDEX catalogs_display_name ON catalogs (display_name);

CREATE TABLE resources (
    id            UUID PRIMARY KEY,
    catalog_id    UUID        NOT NULL REFERENCES catalogs (id) ON DELETE CASCADE,
    origin_id     TEXT        NOT NULL,
    origin_system TEXT        NOT NULL,
    display_name  TEXT,
    description   TEXT,
    resource_type TEXT,
    created_at    TIMESTAMPTZ NOT NULL,
    added_by      TEXT,
    -- A group is in a catalog at most once; it may be in several catalogs.
    UNIQUE (catalog_id, origin_system, origin_id)
);

CREATE TABLE resource_roles (
    id            UUID PRIMARY KEY,
    resource_id   UUID    NOT NULL REFERENCES resources (id) ON DELETE CASCADE,
    catalog_id    UUID    NOT NULL,
    origin_id     TEXT    NOT NULL,
    origin_system TEXT    NOT NULL,
    display_name  TEXT    NOT NULL,
    description   TEXT,
    position      INTEGER NOT NULL,
    UNIQUE (resource_id, origin_id)
);
CREATE INDEX resource_roles_catalog ON resource_roles (catalog_id, origin_id);

CREATE TABLE resource_scopes (
    id            UUID PRIMARY KEY,
    resource_id   UUID    NOT NULL REFERENCES resources (id) ON DELETE CASCADE,
    catalog_id    UUID    NOT NULL,
    origin_id     TEXT    NOT NULL,
    origin_system TEXT    NOT NULL,
    display_name  TEXT,
    description   TEXT,
    is_root_scope BOOLEAN NOT NULL,
    UNIQUE (resource_id, origin_id)
);
CREATE INDEX resource_scopes_catalog ON resource_scopes (catalog_id, origin_id);

-- The history of resource requests; it outlives the resource and the catalog it named.
CREATE TABLE resource_requests (
    id            UUID PRIMARY KEY,
    catalog_id    UUID        NOT NULL,
    request_type  TEXT        NOT NULL,
    state         TEXT        NOT NULL,
    resource_id   UUID        NOT NULL,
    origin_id     TEXT        NOT NULL,
    origin_system TEXT        NOT NULL,
    display_name  TEXT,
    description   TEXT,
    resource_type TEXT,
    justification TEXT,
    created_at    TIMESTAMPTZ NOT NULL,
    requested_by  TEXT
);
CREATE INDEX resource_requests_catalog ON resource_requests (catalog_id);

CREATE TABLE access_packages (
    id                     UUID PRIMARY KEY,
    -- No cascade: a catalog that still has access packages cannot be deleted.
    catalog_id             UUID        NOT NULL REFERENCES catalogs (id),
    display_name           TEXT        NOT NULL,
    description            TEXT,
    is_hidden              BOOLEAN     NOT NULL,
    is_role_scopes_visible BOOLEAN     NOT NULL,
    created_at             TIMESTAMPTZ NOT NULL,
    modified_at            TIMESTAMPTZ NOT NULL,
    created_by             TEXT,
    modified_by            TEXT
);
CREATE INDEX access_packages_catalog ON access_packages (catalog_id);
CREATE INDEX access_packages_display_name ON access_packages (display_name);

CREATE TABLE resource_role_scopes (
    access_package_id UUID        NOT NULL REFERENCES access_packages (id) ON DELETE CASCADE,
    -- No cascade: a resource whose roles a package grants cannot be removed.
    role_id           UUID        NOT NULL REFERENCES resource_roles (id),
    scope_id          UUID        NOT NULL REFERENCES resource_scopes (id),
    created_at        TIMESTAMPTZ NOT NULL,
    created_by        TEXT,
    -- A package grants a role once.
    PRIMARY KEY (access_package_id, role_id)
);
CREATE INDEX resource_role_scopes_role ON resource_role_scopes (role_id);

CREATE TABLE incompatible_access_packages (
    access_package_id              UUID NOT NULL REFERENCES access_packages (id) ON DELETE CASCADE,
    incompatible_access_package_id UUID NOT NULL REFERENCES access_packages (id) ON DELETE CASCADE,
    PRIMARY KEY (access_package_id, incompatible_access_package_id)
);
CREATE INDEX incompatible_access_packages_reverse ON incompatible_access_packages (incompatible_access_package_id);

CREATE TABLE incompatible_groups (
    access_package_id UUID NOT NULL REFERENCES access_packages (id) ON DELETE CASCADE,
    group_id          UUID NOT NULL,
    PRIMARY KEY (access_package_id, group_id)
);
CREATE INDEX incompatible_groups_group ON incompatible_groups (group_id);

-- Read model of the directory's groups, fed by its events (quartermaster.directory.groups).
CREATE TABLE directory_groups (
    id               UUID PRIMARY KEY,
    display_name     TEXT    NOT NULL,
    description      TEXT,
    mail_nickname    TEXT,
    security_enabled BOOLEAN NOT NULL,
    mail_enabled     BOOLEAN NOT NULL,
    group_types      TEXT[]  NOT NULL DEFAULT '{}'
);
