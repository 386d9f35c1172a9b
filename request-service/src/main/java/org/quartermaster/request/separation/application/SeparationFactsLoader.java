package org.quartermaster.request.separation.application;

import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.quartermaster.request.directory.persistence.DirectoryStore;
import org.quartermaster.request.packages.domain.AccessPackageSummary;
import org.quartermaster.request.packages.persistence.AccessPackageStore;
import org.quartermaster.request.separation.domain.SeparationFacts;
import org.quartermaster.request.separation.domain.SeparationOfDuties;
import org.quartermaster.request.separation.persistence.SeparationStore;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Reads what separation of duties decides on. The queries run one after another, so that inside the delivery gate's
 * transaction they all follow its lock on the same connection; a package nothing is declared incompatible with costs
 * two small queries.
 */
@Component
public class SeparationFactsLoader {

  private final SeparationStore separation;
  private final AccessPackageStore packages;
  private final DirectoryStore directory;

  public SeparationFactsLoader(SeparationStore separation, AccessPackageStore packages, DirectoryStore directory) {
    this.separation = separation;
    this.packages = packages;
    this.directory = directory;
  }

  /**
   * @param excludedRequest the stored request being checked again, which is not a holding of its own target
   */
  public Mono<SeparationFacts> load(UUID targetId, UUID accessPackageId, Optional<UUID> excludedRequest) {
    if (targetId == null || accessPackageId == null) {
      return Mono.just(SeparationFacts.none(targetId, accessPackageId));
    }
    return separation.incompatibilitiesOf(accessPackageId).collectList().flatMap(declared ->
        separation.incompatibleGroupsOf(accessPackageId).collect(HashSet<UUID>::new, Set::add).flatMap(groups -> {
          if (declared.isEmpty() && groups.isEmpty()) {
            return Mono.just(SeparationFacts.none(targetId, accessPackageId));
          }
          Set<UUID> conflicting = SeparationOfDuties.conflictingPackages(accessPackageId, declared);
          return separation.holdings(targetId, conflicting, excludedRequest).collectList().flatMap(holdings ->
              (groups.isEmpty() ? Mono.just(Set.<UUID>of()) : directory.groupsOf(targetId)).flatMap(memberOf ->
                  names(accessPackageId, conflicting).flatMap(packageNames ->
                      separation.groupNames(groups).map(groupNames -> new SeparationFacts(targetId, accessPackageId,
                          declared, groups, holdings, memberOf, packageNames, groupNames)))));
        }));
  }

  private Mono<Map<UUID, String>> names(UUID requested, Set<UUID> conflicting) {
    Set<UUID> ids = new HashSet<>(conflicting);
    ids.add(requested);
    return packages.findAll(ids).collectMap(AccessPackageSummary::id, AccessPackageSummary::displayName);
  }
}
