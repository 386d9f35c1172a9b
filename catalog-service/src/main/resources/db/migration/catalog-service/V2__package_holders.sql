-- Read models of what holds an access package, from policy-service's and provisioning-service's events:
-- a package with policies or active assignments cannot be deleted.
CREATE TABLE package_policies (
    policy_id         UUID PRIMARY KEY,
    access_package_id UUID NOT NULL,
    display_name      TEXT NOT NULL
);
CREATE INDEX package_policies_package ON package_policies (access_package_id);

CREATE TABLE package_assignments (
    assignment_id     UUID PRIMARY KEY,
    access_package_id UUID    NOT NULL,
    active            BOOLEAN NOT NULL
);
CREATE INDEX package_assignments_active ON package_assignments (access_package_id) WHERE active;
