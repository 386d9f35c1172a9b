-- What $expand=assignmentPolicies shows of each policy, besides its name. Rows projected before this migration
-- keep NULLs until their policy's next event: the events already consumed are not replayed.
ALTER TABLE package_policies
    ADD COLUMN description          TEXT,
    ADD COLUMN allowed_target_scope TEXT;
