package org.quartermaster.request.requests.application;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.quartermaster.request.assignments.domain.Assignment;
import org.quartermaster.request.assignments.persistence.AssignmentStore;
import org.quartermaster.request.directory.domain.DirectoryUser;
import org.quartermaster.request.directory.persistence.DirectoryStore;
import org.quartermaster.request.extensions.domain.CalloutInstance;
import org.quartermaster.request.extensions.persistence.CalloutInstanceStore;
import org.quartermaster.request.packages.domain.AccessPackageSummary;
import org.quartermaster.request.packages.persistence.AccessPackageStore;
import org.quartermaster.request.requests.domain.AssignmentRequest;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Fills in a page of requests' navigations from the read models, with one query per navigation, not per request, and
 * their custom extension callouts with one more.
 */
@Component
public class RequestExpander {

  private final AccessPackageStore packages;
  private final AssignmentStore assignments;
  private final DirectoryStore directory;
  private final CalloutInstanceStore callouts;

  public RequestExpander(AccessPackageStore packages, AssignmentStore assignments, DirectoryStore directory,
      CalloutInstanceStore callouts) {
    this.packages = packages;
    this.assignments = assignments;
    this.directory = directory;
    this.callouts = callouts;
  }

  public Mono<List<ExpandedRequest>> expand(List<AssignmentRequest> requests, Set<RequestExpansion> wanted) {
    Mono<Map<UUID, List<CalloutInstance>>> calloutsByRequest = callouts.ofRequests(ids(requests, AssignmentRequest::id))
        .collectMultimap(CalloutInstance::requestId)
        .map(found -> found.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
            entry -> List.copyOf(entry.getValue()))));
    if (wanted.isEmpty()) {
      return calloutsByRequest.map(found -> requests.stream().map(request -> new ExpandedRequest(request, null, null,
          null, null, found.getOrDefault(request.id(), List.of()))).toList());
    }
    Mono<Map<UUID, AccessPackageSummary>> packagesById = wanted.contains(RequestExpansion.ACCESS_PACKAGE)
        ? byId(packages.findAll(ids(requests, AssignmentRequest::accessPackageId)), AccessPackageSummary::id)
        : Mono.just(Map.of());
    Mono<Map<UUID, Assignment>> assignmentsById = wanted.contains(RequestExpansion.ASSIGNMENT)
        ? byId(assignments.findAll(ids(requests, AssignmentRequest::assignmentId)), Assignment::id)
        : Mono.just(Map.of());
    Set<UUID> users = new HashSet<>();
    if (wanted.contains(RequestExpansion.REQUESTOR)) {
      users.addAll(ids(requests, AssignmentRequest::requestorId));
    }
    if (wanted.contains(RequestExpansion.ASSIGNMENT_TARGET)) {
      users.addAll(ids(requests, AssignmentRequest::targetId));
    }
    Mono<Map<UUID, DirectoryUser>> usersById = byId(directory.findUsers(users), DirectoryUser::id);
    return Mono.zip(packagesById, assignmentsById, usersById, calloutsByRequest).map(found -> requests.stream()
        .map(request -> new ExpandedRequest(request,
            found.getT1().get(request.accessPackageId()),
            request.assignmentId() == null ? null : found.getT2().get(request.assignmentId()),
            wanted.contains(RequestExpansion.ASSIGNMENT_TARGET) ? found.getT3().get(request.targetId()) : null,
            wanted.contains(RequestExpansion.REQUESTOR) && request.requestorId() != null
                ? found.getT3().get(request.requestorId()) : null,
            found.getT4().getOrDefault(request.id(), List.of())))
        .toList());
  }

  private static Set<UUID> ids(List<AssignmentRequest> requests, Function<AssignmentRequest, UUID> id) {
    return requests.stream().map(id).filter(Objects::nonNull).collect(Collectors.toSet());
  }

  private static <T> Mono<Map<UUID, T>> byId(Flux<T> items, Function<T, UUID> id) {
    return items.collectMap(id, Function.identity());
  }
}
