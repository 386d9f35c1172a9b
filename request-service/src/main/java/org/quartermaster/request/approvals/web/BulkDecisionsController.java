package org.quartermaster.request.approvals.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.quartermaster.platform.security.Callers;
import org.quartermaster.platform.web.GraphException;
import org.quartermaster.request.approvals.application.ApprovalService;
import org.quartermaster.request.approvals.domain.ReviewResult;
import org.quartermaster.request.common.web.Api;
import org.quartermaster.request.common.web.EntitlementScopes;
import org.quartermaster.request.common.web.Refusals;
import org.quartermaster.request.requests.domain.Requester;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Many approval decisions in one call, outside Graph's namespace. Each decides the current stage of one approval in its
 * own transaction, exactly as a PATCH of that stage by the caller would; one refused item does not affect the others.
 * The answer is 200 with one result per item, in the items' order: 204, or the refusal's status and Graph error.
 */
@RestController
public class BulkDecisionsController {

  public static final String PATH = Api.QUARTERMASTER + "/accessPackageAssignmentApprovals/decisions";
  public static final int MAX_ITEMS = 1000;
  /** Items in flight at once: enough to overlap round trips, few enough to leave the pool to other callers. */
  static final int LANES = 4;

  private final ApprovalService approvals;

  public BulkDecisionsController(ApprovalService approvals) {
    this.approvals = approvals;
  }

  @PostMapping(PATH)
  public Mono<BulkResponse> decide(@RequestBody BulkDecisionBody body) {
    return Callers.current().flatMap(caller -> {
      List<BulkDecisionBody.Item> items = body.decisions() == null ? List.of() : body.decisions();
      if (items.isEmpty()) {
        return Mono.error(GraphException.badRequest("Property 'decisions' must hold at least one decision."));
      }
      if (items.size() > MAX_ITEMS) {
        return Mono.error(new GraphException(HttpStatus.PAYLOAD_TOO_LARGE, "requestEntityTooLarge",
            "A bulk decision holds at most " + MAX_ITEMS + " items; this one has " + items.size() + "."));
      }
      Requester requester = EntitlementScopes.requester(caller);
      // Items about the same approval share a lane and run in their order, so a repeat of a decision gets 409 as it
      // would if sent one by one; the lanes overlap each other's database round trips.
      return Flux.range(0, items.size())
          .groupBy(index -> Math.floorMod(laneKey(items.get(index)).hashCode(), LANES))
          .flatMap(lane -> lane.concatMap(index -> one(index, items.get(index), requester)), LANES)
          .collectSortedList(Comparator.comparingInt(Indexed::index))
          .map(results -> new BulkResponse(results.stream().map(Indexed::result).toList()));
    });
  }

  private static String laneKey(BulkDecisionBody.Item item) {
    return item == null || item.approvalId() == null ? "" : item.approvalId().trim().toLowerCase(Locale.ROOT);
  }

  private Mono<Indexed> one(int index, BulkDecisionBody.Item item, Requester requester) {
    if (item == null) {
      return Mono.just(new Indexed(index, Result.refused(null, GraphException.badRequest("Item " + index + " is null."))));
    }
    return Mono.fromCallable(() -> {
          if (item.approvalId() == null || item.approvalId().isBlank()) {
            throw GraphException.badRequest("Property 'approvalId' is required.");
          }
          return ApprovalsController.guid(item.approvalId(), "approvalId");
        })
        .flatMap(approvalId -> Mono.fromCallable(() -> ReviewResult.parse(item.reviewResult()))
            .flatMap(result -> approvals.decideCurrent(approvalId, requester, result, item.justification())))
        .map(decided -> Result.decided(item.approvalId(), decided.stageId()))
        .onErrorResume(failure -> Mono.just(Result.refused(item.approvalId(), Refusals.translate(failure))))
        .map(result -> new Indexed(index, result));
  }

  /** The answer: one result per item, in the items' order. */
  public record BulkResponse(List<Result> value) {
  }

  private record Indexed(int index, Result result) {
  }

  /** One item's outcome: the approval, the stage decided, the status a PATCH would have had, and the error if refused. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Result(String approvalId, String stageId, int status, Error error) {

    static Result decided(String approvalId, UUID stageId) {
      return new Result(approvalId, stageId.toString(), HttpStatus.NO_CONTENT.value(), null);
    }

    static Result refused(String approvalId, GraphException refusal) {
      return new Result(approvalId, null, refusal.status().value(), new Error(refusal.code(), refusal.getMessage()));
    }
  }

  /** A Graph error's code and message. */
  public record Error(String code, String message) {
  }
}
