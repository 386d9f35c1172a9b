package org.quartermaster.request.requests.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.quartermaster.platform.domain.RuleViolation;
import org.quartermaster.request.common.domain.Conflict;
import org.quartermaster.request.separation.domain.Holding;
import org.quartermaster.request.separation.domain.IncompatiblePackages;
import org.quartermaster.request.separation.domain.SeparationFacts;

/** Clause 7 of submission validation: separation of duties, for user and administrator adds, after every other clause. */
class RequestRulesSeparationTest {

  static final UUID INITIATOR = UUID.randomUUID();

  static AddFacts facts(boolean duplicate) {
    SeparationFacts separation = new SeparationFacts(RequestRulesTest.REQUESTOR.id(), RequestRulesTest.CAMPAIGN.id(),
        List.of(new IncompatiblePackages(INITIATOR, RequestRulesTest.CAMPAIGN.id())), Set.of(),
        List.of(new Holding(Holding.Source.ASSIGNMENT, UUID.randomUUID(), INITIATOR, "delivered",
            Instant.parse("2026-01-01T00:00:00Z"))),
        Set.of(), Map.of(INITIATOR, "Vendor Payment - Initiator"), Map.of());
    return new AddFacts(Optional.of(RequestRulesTest.CAMPAIGN), Optional.of(RequestRulesTest.policy().build()), List.of(),
        Optional.of(RequestRulesTest.REQUESTOR), Set.of(),
        duplicate ? Optional.of(RequestRulesTest.LifecycleFixture.open()) : Optional.empty(), Optional.empty(), separation);
  }

  @Test
  void anIncompatibleHoldingRefusesAUserAddWithAConflictNamingThePackage() {
    assertThatThrownBy(() -> RequestRules.checkAdd(RequestRulesTest.userAdd(), RequestRulesTest.SELF, facts(false),
        RequestRulesTest.NOW))
        .isInstanceOf(Conflict.class)
        .hasMessageContaining("incompatible with access package 'Vendor Payment - Initiator' (declared on "
            + "'Vendor Payment - Initiator'), held since 2026-01-01T00:00:00Z")
        .extracting(failure -> ((RuleViolation) failure).clause()).isEqualTo("incompatibleAccessPackages");
  }

  @Test
  void administratorsAreRefusedToo() {
    Submission adminAdd = new Submission(RequestType.ADMIN_ADD, RequestRulesTest.CAMPAIGN.id(), RequestRulesTest.POLICY_ID,
        RequestRulesTest.REQUESTOR.id(), null, null, List.of(), null);

    assertThatThrownBy(() -> RequestRules.checkAdd(adminAdd, RequestRulesTest.ADMIN, facts(false), RequestRulesTest.NOW))
        .isInstanceOf(Conflict.class).hasMessageContaining("Vendor Payment - Initiator");
  }

  @Test
  void aDuplicateIsReportedFirstAndFactsWithoutSeparationPass() {
    assertThatThrownBy(() -> RequestRules.checkAdd(RequestRulesTest.userAdd(), RequestRulesTest.SELF, facts(true),
        RequestRulesTest.NOW))
        .isInstanceOf(Conflict.class).hasMessageContaining("already has open request");
    AddFacts plain = new AddFacts(Optional.of(RequestRulesTest.CAMPAIGN), Optional.of(RequestRulesTest.policy().build()),
        List.of(), Optional.of(RequestRulesTest.REQUESTOR), Set.of(), Optional.empty(), Optional.empty());
    assertThat(plain.separation().incompatibilities()).isEmpty();
    assertThat(RequestRules.checkAdd(RequestRulesTest.userAdd(), RequestRulesTest.SELF, plain, RequestRulesTest.NOW)
        .accessPackageId()).isEqualTo(RequestRulesTest.CAMPAIGN.id());
  }
}
