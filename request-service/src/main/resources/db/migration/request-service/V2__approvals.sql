-- Approvals (issue 5). A request that needs approval carries its approval: the stages with their resolved approvers and
-- decisions, as this service's own JSON document.
ALTER TABLE assignment_requests
    ADD COLUMN approval           JSONB,
    -- When the current stage next escalates or times out; null when nothing is due. The sweeper selects on it.
    ADD COLUMN approval_deadline  TIMESTAMPTZ,
    -- Who may decide the current stage now, so filterByCurrentUser(on='approver') is a query.
    ADD COLUMN current_approvers  UUID[]  NOT NULL DEFAULT '{}',
    -- The current stage escalated: status PendingApprovalEscalated, which $filter on status must see too.
    ADD COLUMN approval_escalated BOOLEAN NOT NULL DEFAULT FALSE;
CREATE INDEX assignment_requests_approval_deadline ON assignment_requests (approval_deadline)
    WHERE approval_deadline IS NOT NULL;
CREATE INDEX assignment_requests_current_approvers ON assignment_requests USING GIN (current_approvers);

-- The directory's manager chain, which requestorManager approval stages walk.
ALTER TABLE directory_users ADD COLUMN manager_id UUID;
