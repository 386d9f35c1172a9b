package org.quartermaster.request.approvals.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.UUID;
import org.quartermaster.request.approvals.application.ApprovalService.ApprovalRead;
import org.quartermaster.request.requests.domain.RequestState;

/** Graph v1.0's approval of an access package assignment request: its id is the request's, its stages in order. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApprovalView(@JsonProperty("@odata.context") String context, String id, List<StageView> stages) {

  static ApprovalView of(ApprovalRead read, UUID caller, String context) {
    return new ApprovalView(context, read.request().id().toString(), stages(read, caller));
  }

  static List<StageView> stages(ApprovalRead read, UUID caller) {
    boolean open = read.request().state() == RequestState.PENDING_APPROVAL;
    return read.approval().stages().stream().map(stage -> StageView.of(stage, caller, open, read.names())).toList();
  }
}
