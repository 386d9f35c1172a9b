package org.quartermaster.provisioning.assignments.application;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.quartermaster.odata.CollectionQuery;
import org.quartermaster.odata.QueryModel;
import org.quartermaster.platform.query.Page;
import org.quartermaster.platform.web.GraphException;
import org.quartermaster.provisioning.assignments.domain.Assignment;
import org.quartermaster.provisioning.assignments.domain.HeldRole;
import org.quartermaster.provisioning.assignments.persistence.AssignmentStore;
import org.quartermaster.provisioning.catalog.domain.PackageSummary;
import org.quartermaster.provisioning.catalog.persistence.PackageStore;
import org.quartermaster.provisioning.directory.domain.DirectoryUser;
import org.quartermaster.provisioning.directory.persistence.DirectoryStore;
import org.quartermaster.provisioning.policies.domain.PolicySummary;
import org.quartermaster.provisioning.policies.persistence.PolicyStore;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Reading assignments and their roles, with the navigations Graph lets clients expand, from the read models. */
@Service
public class AssignmentQueries {

  private final AssignmentStore assignments;
  private final DirectoryStore directory;
  private final PackageStore packages;
  private final PolicyStore policies;

  public AssignmentQueries(AssignmentStore assignments, DirectoryStore directory, PackageStore packages, PolicyStore policies) {
    this.assignments = assignments;
    this.directory = directory;
    this.packages = packages;
    this.policies = policies;
  }

  public QueryModel queryModel(boolean beta) {
    return beta ? AssignmentStore.BETA_QUERY_MODEL : AssignmentStore.QUERY_MODEL;
  }

  public QueryModel roleQueryModel() {
    return AssignmentStore.BETA_ROLE_QUERY_MODEL;
  }

  public Mono<Page<Assignment>> list(CollectionQuery query) {
    return assignments.page(query);
  }

  /**
   * Graph's {@code additionalAccess(accessPackageId, incompatibleAccessPackageId)}: the current assignments to the first
   * package of everyone who also currently holds the second, for finding who would violate an incompatibility.
   */
  public Mono<Page<Assignment>> additionalAccess(CollectionQuery query, UUID accessPackageId, UUID incompatibleAccessPackageId) {
    return assignments.page(query, AssignmentStore.additionalAccess(accessPackageId, incompatibleAccessPackageId));
  }

  public Mono<Assignment> get(UUID id) {
    return assignments.find(id).switchIfEmpty(Mono.error(() -> GraphException.notFound("accessPackageAssignment", id)));
  }

  public Mono<Page<HeldRole>> roles(CollectionQuery query) {
    return assignments.rolePage(query);
  }

  public Mono<HeldRole> role(UUID id) {
    return assignments.findRole(id)
        .switchIfEmpty(Mono.error(() -> GraphException.notFound("accessPackageAssignmentResourceRole", id)));
  }

  public Mono<Map<UUID, DirectoryUser>> users(Set<UUID> ids) {
    return directory.users(ids).collectMap(DirectoryUser::id);
  }

  public Mono<Map<UUID, Assignment>> assignments(Set<UUID> ids) {
    return assignments.findAll(ids).collectMap(Assignment::id);
  }

  public Mono<List<ExpandedAssignment>> expand(List<Assignment> page, Set<AssignmentExpansion> expansions) {
    if (expansions.isEmpty() || page.isEmpty()) {
      return Mono.just(page.stream().map(ExpandedAssignment::of).toList());
    }
    Mono<Map<UUID, DirectoryUser>> users = expansions.contains(AssignmentExpansion.TARGET)
        ? users(ids(page, Assignment::targetId)) : Mono.just(Map.of());
    Mono<Map<UUID, PackageSummary>> packagesById = expansions.contains(AssignmentExpansion.ACCESS_PACKAGE)
        ? packages.findAll(ids(page, Assignment::accessPackageId)).collectMap(PackageSummary::id) : Mono.just(Map.of());
    Mono<Map<UUID, PolicySummary>> policiesById = expansions.contains(AssignmentExpansion.ASSIGNMENT_POLICY)
        ? policies.findAll(ids(page, Assignment::assignmentPolicyId)).collectMap(PolicySummary::id) : Mono.just(Map.of());
    return Mono.zip(users, packagesById, policiesById).map(loaded -> page.stream().map(assignment -> new ExpandedAssignment(
            assignment,
            expansions.contains(AssignmentExpansion.TARGET), loaded.getT1().get(assignment.targetId()),
            expansions.contains(AssignmentExpansion.ACCESS_PACKAGE), loaded.getT2().get(assignment.accessPackageId()),
            expansions.contains(AssignmentExpansion.ASSIGNMENT_POLICY),
            assignment.assignmentPolicyId() == null ? null : loaded.getT3().get(assignment.assignmentPolicyId())))
        .toList());
  }

  private static Set<UUID> ids(List<Assignment> page, Function<Assignment, UUID> id) {
    return page.stream().map(id).filter(Objects::nonNull).collect(Collectors.toSet());
  }
}
