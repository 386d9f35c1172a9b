package org.quartermaster.request.requests.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.quartermaster.platform.web.GraphException;
import org.quartermaster.request.common.web.Api;
import org.quartermaster.request.common.web.EntitlementScopes;
import org.quartermaster.request.common.web.Refusals;
import org.quartermaster.request.requests.application.AssignmentRequestService;
import org.quartermaster.request.requests.application.ExpandedRequest;
import org.quartermaster.request.requests.domain.Requester;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Many administrator requests in one call, outside Graph's namespace. Each item is validated and stored in its own
 * transaction exactly as if it had been posted alone; one refused item does not affect the others. The answer is 200
 * with one result per item, in the items' order: 201 and the request, or the refusal's status and Graph error.
 */
@RestController
public class BulkController {

  public static final String PATH = Api.QUARTERMASTER + "/assignmentRequests/bulk";
  public static final int MAX_ITEMS = 1000;
  /** Items in flight at once: enough to overlap round trips, few enough to leave the pool to other callers. */
  static final int LANES = 4;

  private final AssignmentRequestService requests;

  public BulkController(AssignmentRequestService requests) {
    this.requests = requests;
  }

  @PostMapping(PATH)
  public Mono<BulkResponse> submit(@RequestBody BulkBody body) {
    return EntitlementScopes.write().flatMap(caller -> {
      List<BulkBody.Item> items = body.items() == null ? List.of() : body.items();
      if (items.isEmpty()) {
        return Mono.error(GraphException.badRequest("Property 'items' must hold at least one request."));
      }
      if (items.size() > MAX_ITEMS) {
        return Mono.error(new GraphException(HttpStatus.PAYLOAD_TOO_LARGE, "requestEntityTooLarge",
            "A bulk request holds at most " + MAX_ITEMS + " items; this one has " + items.size() + "."));
      }
      Requester requester = EntitlementScopes.requester(caller);
      // Items about the same target (or assignment) share a lane and run in their order, so of two items asking for the
      // same thing the first wins, as if posted one by one; the lanes overlap each other's database round trips.
      return Flux.range(0, items.size())
          .groupBy(index -> Math.floorMod(laneKey(items.get(index)).hashCode(), LANES))
          .flatMap(lane -> lane.concatMap(index -> one(index, items.get(index), requester)), LANES)
          .collectSortedList(Comparator.comparingInt(Result::index))
          .map(BulkResponse::new);
    });
  }

  private static String laneKey(BulkBody.Item item) {
    if (item == null) {
      return "";
    }
    String key = item.targetId() != null ? item.targetId() : item.assignmentId();
    return key == null ? "" : key.trim().toLowerCase(Locale.ROOT);
  }

  private Mono<Result> one(int index, BulkBody.Item item, Requester requester) {
    if (item == null) {
      return Mono.just(Result.refused(index, GraphException.badRequest("Item " + index + " is null.")));
    }
    return Mono.fromCallable(item::toSubmission)
        .flatMap(submission -> requests.submit(submission, requester, false))
        .map(request -> Result.created(index, RequestView.of(ExpandedRequest.of(request))))
        .onErrorResume(failure -> Mono.just(Result.refused(index, Refusals.translate(failure))));
  }

  /** The answer: one result per item, in the items' order. */
  public record BulkResponse(List<Result> results) {
  }

  /** One item's outcome: its index in the body, the status it would have had alone, and the request or the error. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Result(int index, int status, RequestView request, Error error) {

    static Result created(int index, RequestView request) {
      return new Result(index, HttpStatus.CREATED.value(), request, null);
    }

    static Result refused(int index, GraphException refusal) {
      return new Result(index, refusal.status().value(), null, new Error(refusal.code(), refusal.getMessage()));
    }
  }

  /** A Graph error's code and message. */
  public record Error(String code, String message) {
  }
}
