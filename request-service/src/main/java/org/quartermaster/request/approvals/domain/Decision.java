package org.quartermaster.request.approvals.domain;

import java.time.Instant;
import java.util.UUID;

/** One approver's decision on a stage. */
public record Decision(UUID approverId, ReviewResult result, String justification, Instant at) {
}
