package org.quartermaster.request.separation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Which holding or group makes a package incompatible, in both directions, and how the refusal reads. */
class SeparationOfDutiesDecisionTest {

  static final UUID TARGET = UUID.randomUUID();
  static final UUID APPROVER = UUID.randomUUID();
  static final UUID INITIATOR = UUID.randomUUID();
  static final UUID UNRELATED = UUID.randomUUID();
  static final UUID PAY_INITIATORS = UUID.randomUUID();
  static final Instant SINCE = Instant.parse("2026-11-22T10:00:00Z");
  static final Map<UUID, String> NAMES = Map.of(APPROVER, "Vendor Payment - Approver", INITIATOR,
      "Vendor Payment - Initiator", UNRELATED, "Marketing Campaign");

  static SeparationFacts requesting(UUID requested, List<IncompatiblePackages> declared, List<Holding> holdings) {
    return new SeparationFacts(TARGET, requested, declared, Set.of(), holdings, Set.of(), NAMES, Map.of());
  }

  static Holding assignment(UUID accessPackage, String state) {
    return new Holding(Holding.Source.ASSIGNMENT, UUID.randomUUID(), accessPackage, state, SINCE);
  }

  static Holding request(UUID accessPackage, String state) {
    return new Holding(Holding.Source.REQUEST, UUID.randomUUID(), accessPackage, state, SINCE);
  }

  @Test
  void aHolderOfADeclaredIncompatiblePackageIsRefusedWithThePackageAndSinceWhen() {
    Holding held = assignment(INITIATOR, "delivered");

    Optional<Incompatibility> conflict = SeparationOfDuties.firstConflict(requesting(APPROVER,
        List.of(new IncompatiblePackages(APPROVER, INITIATOR)), List.of(held)));

    assertThat(conflict).contains(new Incompatibility("incompatibleAccessPackages", "User '" + TARGET + "' cannot receive "
        + "access package 'Vendor Payment - Approver': it is incompatible with access package 'Vendor Payment - Initiator', "
        + "held since 2026-11-22T10:00:00Z (assignment '" + held.id() + "')."));
  }

  @Test
  void theDeclarationBlocksTheOtherDirectionTooAndSaysWhereItWasDeclared() {
    Holding held = request(APPROVER, "delivering");

    Optional<Incompatibility> conflict = SeparationOfDuties.firstConflict(requesting(INITIATOR,
        List.of(new IncompatiblePackages(APPROVER, INITIATOR)), List.of(held)));

    assertThat(conflict).map(Incompatibility::reason).contains("User '" + TARGET + "' cannot receive access package "
        + "'Vendor Payment - Initiator': it is incompatible with access package 'Vendor Payment - Approver' (declared on "
        + "'Vendor Payment - Approver'), requested in '" + held.id() + "' which is being delivered.");
  }

  @Test
  void eachKindOfHoldingIsDescribedByWhatItIs() {
    List<IncompatiblePackages> declared = List.of(new IncompatiblePackages(APPROVER, INITIATOR));
    Holding scheduled = request(INITIATOR, "scheduled");
    Holding deliveredRequest = request(INITIATOR, "delivered");
    Holding delivering = assignment(INITIATOR, "delivering");

    assertThat(reason(declared, scheduled)).endsWith("requested in '" + scheduled.id() + "' which is scheduled for delivery.");
    assertThat(reason(declared, deliveredRequest))
        .endsWith("held since 2026-11-22T10:00:00Z (delivered by request '" + deliveredRequest.id() + "').");
    assertThat(reason(declared, delivering))
        .endsWith("assigned from 2026-11-22T10:00:00Z and being delivered (assignment '" + delivering.id() + "').");
  }

  private static String reason(List<IncompatiblePackages> declared, Holding holding) {
    return SeparationOfDuties.firstConflict(requesting(APPROVER, declared, List.of(holding))).orElseThrow().reason();
  }

  @Test
  void anAssignmentIsNamedBeforeARequestAndTheOldestFirst() {
    Holding newer = new Holding(Holding.Source.ASSIGNMENT, UUID.randomUUID(), INITIATOR, "delivered", SINCE.plusSeconds(60));
    Holding older = assignment(INITIATOR, "delivered");
    Holding pending = new Holding(Holding.Source.REQUEST, UUID.randomUUID(), INITIATOR, "submitted", SINCE.minusSeconds(60));

    String reason = reason(List.of(new IncompatiblePackages(APPROVER, INITIATOR)), List.of(pending, newer, older));

    assertThat(reason).contains("(assignment '" + older.id() + "')");
  }

  private static String reason(List<IncompatiblePackages> declared, List<Holding> holdings) {
    return SeparationOfDuties.firstConflict(requesting(APPROVER, declared, holdings)).orElseThrow().reason();
  }

  @Test
  void holdingsOfUnrelatedPackagesAndOfThePackageItselfDoNotConflict() {
    List<IncompatiblePackages> declared = List.of(new IncompatiblePackages(APPROVER, INITIATOR),
        new IncompatiblePackages(APPROVER, APPROVER));

    assertThat(SeparationOfDuties.firstConflict(requesting(APPROVER, declared,
        List.of(assignment(UNRELATED, "delivered"), assignment(APPROVER, "delivered"))))).isEmpty();
    assertThat(SeparationOfDuties.firstConflict(requesting(APPROVER, List.of(), List.of(assignment(INITIATOR, "delivered")))))
        .isEmpty();
  }

  @Test
  void aMemberOfAnIncompatibleGroupIsRefusedWithTheGroupsName() {
    SeparationFacts facts = new SeparationFacts(TARGET, APPROVER, List.of(), Set.of(PAY_INITIATORS), List.of(),
        Set.of(PAY_INITIATORS, UUID.randomUUID()), NAMES, Map.of(PAY_INITIATORS, "PAY-Initiators"));

    assertThat(SeparationOfDuties.firstConflict(facts)).contains(new Incompatibility("incompatibleGroups", "User '" + TARGET
        + "' cannot receive access package 'Vendor Payment - Approver': the user is a member of group 'PAY-Initiators', "
        + "which access package 'Vendor Payment - Approver' declares incompatible."));
  }

  @Test
  void aGroupWhoseNameIsUnknownIsNamedByItsIdAndANonMemberPasses() {
    SeparationFacts member = new SeparationFacts(TARGET, APPROVER, List.of(), Set.of(PAY_INITIATORS), List.of(),
        Set.of(PAY_INITIATORS), NAMES, Map.of());
    SeparationFacts outsider = new SeparationFacts(TARGET, APPROVER, List.of(), Set.of(PAY_INITIATORS), List.of(),
        Set.of(UUID.randomUUID()), NAMES, Map.of());

    assertThat(SeparationOfDuties.firstConflict(member).orElseThrow().reason()).contains("group '" + PAY_INITIATORS + "'");
    assertThat(SeparationOfDuties.firstConflict(outsider)).isEmpty();
  }

  @Test
  void aHeldPackageIsReportedBeforeAGroup() {
    SeparationFacts both = new SeparationFacts(TARGET, APPROVER, List.of(new IncompatiblePackages(INITIATOR, APPROVER)),
        Set.of(PAY_INITIATORS), List.of(assignment(INITIATOR, "partiallyDelivered")), Set.of(PAY_INITIATORS), NAMES,
        Map.of(PAY_INITIATORS, "PAY-Initiators"));

    assertThat(SeparationOfDuties.firstConflict(both)).map(Incompatibility::clause).contains("incompatibleAccessPackages");
  }

  @Test
  void conflictingPackagesAreTheOtherSideOfEitherDirection() {
    List<IncompatiblePackages> declared = List.of(new IncompatiblePackages(APPROVER, INITIATOR),
        new IncompatiblePackages(UNRELATED, APPROVER), new IncompatiblePackages(INITIATOR, UNRELATED));

    assertThat(SeparationOfDuties.conflictingPackages(APPROVER, declared)).containsExactlyInAnyOrder(INITIATOR, UNRELATED);
    assertThat(SeparationFacts.none(TARGET, APPROVER).incompatibilities()).isEmpty();
    assertThat(SeparationOfDuties.firstConflict(SeparationFacts.none(null, APPROVER))).isEmpty();
  }
}
