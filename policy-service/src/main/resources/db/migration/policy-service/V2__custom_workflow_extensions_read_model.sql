-- Read model of extension-gateway's custom workflow extensions (quartermaster.extension.custom-workflow-extensions):
-- what a policy's customExtensionStageSettings may name, and what $expand=customExtensionStageSettings($expand=
-- customExtension) shows. A deleted extension's row is removed.
CREATE TABLE custom_workflow_extensions (
    id                      UUID PRIMARY KEY,
    catalog_id              UUID    NOT NULL,
    -- Graph's type name: accessPackageAssignmentRequestWorkflowExtension or accessPackageAssignmentWorkflowExtension.
    kind                    TEXT    NOT NULL,
    display_name            TEXT    NOT NULL,
    description             TEXT,
    -- Null for a Logic App named without its trigger URL (the event carries an empty string).
    endpoint_url            TEXT,
    launch_and_wait         BOOLEAN NOT NULL,
    duration_before_timeout TEXT,
    timeout_in_milliseconds INTEGER NOT NULL,
    maximum_retries         INTEGER NOT NULL
);
