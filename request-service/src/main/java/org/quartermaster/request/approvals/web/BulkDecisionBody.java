package org.quartermaster.request.approvals.web;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.util.List;

/**
 * The bulk decision endpoint's body: {@code {"decisions": [{approvalId, reviewResult, justification?}]}}. Ids are text
 * here, so one malformed id refuses its item, not the whole batch.
 */
@JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
public record BulkDecisionBody(List<Item> decisions) {

  /** One decision on the current stage of one approval (its id is the request's). */
  @JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
  public record Item(String approvalId, String reviewResult, String justification) {
  }
}
