-- Separation of duties. Read models, each written only by the projection of the owning service's events.

-- The catalog's incompatibility declarations, one direction per row as Graph records them: access_package_id lists
-- incompatible_access_package_id among its incompatibleAccessPackages. The check reads both directions.
CREATE TABLE incompatible_access_packages (
    access_package_id              UUID NOT NULL,
    incompatible_access_package_id UUID NOT NULL,
    PRIMARY KEY (access_package_id, incompatible_access_package_id)
);
CREATE INDEX incompatible_access_packages_reverse ON incompatible_access_packages (incompatible_access_package_id);

-- Members of these groups may not receive the package.
CREATE TABLE incompatible_groups (
    access_package_id UUID NOT NULL,
    group_id          UUID NOT NULL,
    PRIMARY KEY (access_package_id, group_id)
);

-- Group names from the directory, so a refusal can name the incompatible group.
CREATE TABLE directory_groups (
    id           UUID PRIMARY KEY,
    display_name TEXT NOT NULL
);

