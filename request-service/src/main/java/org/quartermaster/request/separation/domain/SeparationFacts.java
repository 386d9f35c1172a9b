package org.quartermaster.request.separation.domain;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What separation of duties decides on, for one target and the package requested for them.
 *
 * @param incompatibilities every declaration that names the requested package, on either side
 * @param incompatibleGroups the groups the requested package declares incompatible
 * @param holdings what the target holds or is about to hold of the packages on the other side of those declarations
 * @param targetGroups the groups the target is a direct member of
 * @param packageNames display names of the packages involved, to name them in a refusal
 * @param groupNames display names of the groups involved
 */
public record SeparationFacts(UUID targetId, UUID accessPackageId, List<IncompatiblePackages> incompatibilities,
    Set<UUID> incompatibleGroups, List<Holding> holdings, Set<UUID> targetGroups, Map<UUID, String> packageNames,
    Map<UUID, String> groupNames) {

  public SeparationFacts {
    incompatibilities = List.copyOf(incompatibilities);
    incompatibleGroups = Set.copyOf(incompatibleGroups);
    holdings = List.copyOf(holdings);
    targetGroups = Set.copyOf(targetGroups);
    packageNames = Map.copyOf(packageNames);
    groupNames = Map.copyOf(groupNames);
  }

  /** Nothing is declared incompatible with the package, or there is no target or package to check yet. */
  public static SeparationFacts none(UUID targetId, UUID accessPackageId) {
    return new SeparationFacts(targetId, accessPackageId, List.of(), Set.of(), List.of(), Set.of(), Map.of(), Map.of());
  }
}
