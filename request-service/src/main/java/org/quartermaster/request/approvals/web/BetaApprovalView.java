package org.quartermaster.request.approvals.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.UUID;
import org.quartermaster.request.approvals.application.ApprovalService.ApprovalRead;

/** Beta's approval: the same model, with {@code steps} where v1.0 has {@code stages}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BetaApprovalView(@JsonProperty("@odata.context") String context, String id, List<StageView> steps) {

  static BetaApprovalView of(ApprovalRead read, UUID caller, String context) {
    return new BetaApprovalView(context, read.request().id().toString(), ApprovalView.stages(read, caller));
  }
}
