package org.quartermaster.request.requests.application;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.quartermaster.request.assignments.domain.Assignment;
import org.quartermaster.request.assignments.persistence.AssignmentStore;
import org.quartermaster.request.directory.domain.DirectoryUser;
import org.quartermaster.request.directory.persistence.DirectoryStore;
import org.quartermaster.request.packages.domain.AccessPackageSummary;
import org.quartermaster.request.packages.persistence.AccessPackageStore;
import org.quartermaster.request.policies.domain.AssignmentPolicy;
import org.quartermaster.request.policies.persistence.PolicyStore;
import org.quartermaster.request.requests.domain.AddFacts;
import org.quartermaster.request.requests.domain.AssignmentRequest;
import org.quartermaster.request.requests.domain.ChangeFacts;
import org.quartermaster.request.requests.domain.Requester;
import org.quartermaster.request.requests.domain.Submission;
import org.quartermaster.request.requests.persistence.RequestStore;
import org.quartermaster.request.separation.application.SeparationFactsLoader;
import org.quartermaster.request.separation.domain.SeparationFacts;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Gathers from the read models what a submission is checked against; the rules themselves are pure domain code. */
@Component
public class SubmissionFacts {

  private final AccessPackageStore packages;
  private final PolicyStore policies;
  private final DirectoryStore directory;
  private final AssignmentStore assignments;
  private final RequestStore requests;
  private final SeparationFactsLoader separation;
  private final ReadModelWait wait;

  public SubmissionFacts(AccessPackageStore packages, PolicyStore policies, DirectoryStore directory,
      AssignmentStore assignments, RequestStore requests, SeparationFactsLoader separation, ReadModelWait wait) {
    this.packages = packages;
    this.policies = policies;
    this.directory = directory;
    this.assignments = assignments;
    this.requests = requests;
    this.separation = separation;
    this.wait = wait;
  }

  public Mono<AddFacts> forAdd(Submission submission, Requester requester) {
    UUID targetId = submission.targetId() != null ? submission.targetId()
        : submission.type().self() ? requester.objectId() : null;
    UUID packageId = submission.accessPackageId();
    UUID policyId = submission.assignmentPolicyId();
    Mono<Optional<AccessPackageSummary>> accessPackage = optional(packageId, () -> wait.await(() -> packages.find(packageId)));
    Mono<Optional<AssignmentPolicy>> policy = optional(policyId, () -> wait.await(() -> policies.find(policyId)));
    Mono<List<AssignmentPolicy>> packagePolicies = policyId != null || packageId == null ? Mono.just(List.of())
        : wait.await(() -> policies.ofPackage(packageId).filter(found -> !found.isEmpty())).defaultIfEmpty(List.of());
    Mono<Optional<DirectoryUser>> target = optional(targetId, () -> wait.await(() -> directory.findUser(targetId)));
    Mono<Set<UUID>> groups = targetId == null ? Mono.just(Set.of()) : directory.groupsOf(targetId);
    return Mono.zip(accessPackage, policy, packagePolicies, target, groups).flatMap(found -> {
      UUID resolvedPolicy = policyId != null ? policyId
          : found.getT3().size() == 1 ? found.getT3().get(0).id() : null;
      boolean checkable = targetId != null && packageId != null && resolvedPolicy != null;
      Mono<Optional<AssignmentRequest>> open = checkable
          ? requests.openAdd(targetId, packageId, resolvedPolicy).map(Optional::of).defaultIfEmpty(Optional.empty())
          : Mono.just(Optional.empty());
      Mono<Optional<Assignment>> active = checkable
          ? assignments.active(targetId, packageId, resolvedPolicy).map(Optional::of).defaultIfEmpty(Optional.empty())
          : Mono.just(Optional.empty());
      // Only a package and a target that exist are checked; otherwise an earlier rule refuses the request anyway.
      Mono<SeparationFacts> incompatible = found.getT1().isPresent() && found.getT4().isPresent()
          ? separation.load(targetId, packageId, Optional.empty())
          : Mono.just(SeparationFacts.none(targetId, packageId));
      return Mono.zip(open, active, incompatible).map(more -> new AddFacts(found.getT1(), found.getT2(), found.getT3(),
          found.getT4(), found.getT5(), more.getT1(), more.getT2(), more.getT3()));
    });
  }

  /**
   * The assignment a removal or update names. The v1.0 tutorial removes an assignment by the id of the request that
   * created it, so a request id stands for the assignment that request created.
   */
  public Mono<ChangeFacts> forChange(Submission submission) {
    UUID assignmentId = submission.assignmentId();
    if (assignmentId == null) {
      return Mono.just(new ChangeFacts(Optional.empty(), Optional.empty(), Optional.empty(), Set.of(), Optional.empty()));
    }
    Mono<Assignment> assignment = wait.await(() -> assignments.find(assignmentId)
        .switchIfEmpty(Mono.defer(() -> requests.find(assignmentId)
            .filter(request -> request.assignmentId() != null)
            .flatMap(request -> assignments.find(request.assignmentId())))));
    return assignment.map(Optional::of).defaultIfEmpty(Optional.empty()).flatMap(found -> {
      if (found.isEmpty()) {
        return Mono.just(new ChangeFacts(found, Optional.empty(), Optional.empty(), Set.of(), Optional.empty()));
      }
      Assignment known = found.get();
      Mono<Optional<AssignmentPolicy>> policy = optional(known.assignmentPolicyId(), () -> policies.find(known.assignmentPolicyId()));
      Mono<Optional<DirectoryUser>> target = directory.findUser(known.targetId()).map(Optional::of)
          .defaultIfEmpty(Optional.empty());
      Mono<Set<UUID>> groups = directory.groupsOf(known.targetId());
      Mono<Optional<AssignmentRequest>> open = requests.openChange(known.id()).map(Optional::of)
          .defaultIfEmpty(Optional.empty());
      return Mono.zip(policy, target, groups, open)
          .map(facts -> new ChangeFacts(found, facts.getT1(), facts.getT2(), facts.getT3(), facts.getT4()));
    });
  }

  private static <T> Mono<Optional<T>> optional(UUID id, Supplier<Mono<T>> lookup) {
    return id == null ? Mono.just(Optional.empty()) : lookup.get().map(Optional::of).defaultIfEmpty(Optional.empty());
  }
}
