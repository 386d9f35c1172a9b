package org.quartermaster.request.approvals.web;

import com.fasterxml.jackson.annotation.JsonFormat;

/** A PATCH of an approval stage: {@code {"reviewResult": "Approve" | "Deny", "justification": "…"}}. */
@JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
public record DecisionBody(String reviewResult, String justification) {
}
