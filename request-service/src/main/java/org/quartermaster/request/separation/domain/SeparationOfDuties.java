package org.quartermaster.request.separation.domain;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Decides whether a target may receive an access package. Graph declares incompatibility on one package and Entra
 * only checks the requested package's own list; Quartermaster checks both directions, so declaring A incompatible with
 * B also keeps holders of A from B. Held packages are checked before groups, and of several conflicting holdings the
 * longest-standing assignment is named first, so a client always hears of the same conflict.
 */
public final class SeparationOfDuties {

  private static final Comparator<Holding> FIRST = Comparator.comparing(Holding::source)
      .thenComparing(Holding::since, Comparator.nullsLast(Comparator.naturalOrder()))
      .thenComparing(Holding::id);

  private SeparationOfDuties() {
  }

  /** The first conflict between the requested package and what the target holds or belongs to; empty when there is none. */
  public static Optional<Incompatibility> firstConflict(SeparationFacts facts) {
    UUID requested = facts.accessPackageId();
    if (facts.targetId() == null || requested == null) {
      return Optional.empty();
    }
    Set<UUID> conflicting = conflictingPackages(requested, facts.incompatibilities());
    Optional<Holding> held = facts.holdings().stream()
        .filter(holding -> conflicting.contains(holding.accessPackageId()))
        .min(FIRST);
    if (held.isPresent()) {
      Holding holding = held.get();
      UUID other = holding.accessPackageId();
      boolean declaredOnRequested = facts.incompatibilities()
          .contains(new IncompatiblePackages(requested, other));
      String declaredOn = declaredOnRequested ? "" : " (declared on '" + name(facts, other) + "')";
      return Optional.of(new Incompatibility(Incompatibility.PACKAGES, refusal(facts) + "it is incompatible with access "
          + "package '" + name(facts, other) + "'" + declaredOn + ", " + holding.describe() + "."));
    }
    Optional<UUID> group = facts.incompatibleGroups().stream()
        .filter(facts.targetGroups()::contains)
        .min(Comparator.comparing((UUID id) -> facts.groupNames().getOrDefault(id, id.toString())).thenComparing(id -> id));
    return group.map(id -> new Incompatibility(Incompatibility.GROUPS, refusal(facts) + "the user is a member of group '"
        + facts.groupNames().getOrDefault(id, id.toString()) + "', which access package '" + name(facts, requested)
        + "' declares incompatible."));
  }

  /** The packages on the other side of every declaration naming the package; a package never conflicts with itself. */
  public static Set<UUID> conflictingPackages(UUID requested, List<IncompatiblePackages> incompatibilities) {
    Set<UUID> conflicting = new HashSet<>();
    for (IncompatiblePackages declared : incompatibilities) {
      if (declared.accessPackageId().equals(requested)) {
        conflicting.add(declared.incompatibleAccessPackageId());
      } else if (declared.incompatibleAccessPackageId().equals(requested)) {
        conflicting.add(declared.accessPackageId());
      }
    }
    conflicting.remove(requested);
    return conflicting;
  }

  private static String refusal(SeparationFacts facts) {
    return "User '" + facts.targetId() + "' cannot receive access package '" + name(facts, facts.accessPackageId()) + "': ";
  }

  private static String name(SeparationFacts facts, UUID accessPackageId) {
    return facts.packageNames().getOrDefault(accessPackageId, accessPackageId.toString());
  }
}
