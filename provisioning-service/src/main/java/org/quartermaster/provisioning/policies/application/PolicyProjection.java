package org.quartermaster.provisioning.policies.application;

import java.util.List;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.quartermaster.events.Topics;
import org.quartermaster.events.policy.AssignmentPolicy;
import org.quartermaster.events.policy.AssignmentPolicyCreated;
import org.quartermaster.events.policy.AssignmentPolicyDeleted;
import org.quartermaster.events.policy.AssignmentPolicyUpdated;
import org.quartermaster.platform.inbox.EventHandler;
import org.quartermaster.platform.inbox.EventSubscription;
import org.quartermaster.provisioning.assignments.domain.ExpirationPattern;
import org.quartermaster.provisioning.assignments.domain.ExpirationType;
import org.quartermaster.provisioning.policies.domain.PolicySummary;
import org.quartermaster.provisioning.policies.persistence.PolicyStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.publisher.Mono;

/** Keeps the read model of assignment policies: their names, and the lifecycle they give assignments. */
@Configuration(proxyBeanMethods = false)
public class PolicyProjection implements EventHandler {

  static final String CONSUMER = "assignment-policies";

  private final PolicyStore policies;

  public PolicyProjection(PolicyStore policies) {
    this.policies = policies;
  }

  @Bean
  EventSubscription assignmentPoliciesSubscription() {
    return new EventSubscription(CONSUMER, List.of(Topics.POLICY_ASSIGNMENT_POLICIES), this);
  }

  @Override
  public Mono<Void> handle(SpecificRecord event) {
    if (event instanceof AssignmentPolicyCreated created) {
      return policies.upsert(summary(created.getPolicy()));
    }
    if (event instanceof AssignmentPolicyUpdated updated) {
      return policies.upsert(summary(updated.getPolicy()));
    }
    if (event instanceof AssignmentPolicyDeleted deleted) {
      return policies.delete(UUID.fromString(deleted.getPolicyId()));
    }
    return Mono.empty();
  }

  static PolicySummary summary(AssignmentPolicy policy) {
    var expiration = policy.getExpiration();
    ExpirationPattern pattern = expiration == null ? ExpirationPattern.NOT_SPECIFIED
        : new ExpirationPattern(ExpirationType.parse(expiration.getType()), expiration.getDuration(), expiration.getEndDateTime());
    return new PolicySummary(UUID.fromString(policy.getId()), UUID.fromString(policy.getAccessPackageId()),
        policy.getDisplayName(), policy.getDescription(), pattern);
  }
}
