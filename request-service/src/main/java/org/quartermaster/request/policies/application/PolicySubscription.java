package org.quartermaster.request.policies.application;

import java.util.List;
import org.quartermaster.events.Topics;
import org.quartermaster.platform.inbox.EventSubscription;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Subscribes the policy read model to the policy service's topic. */
@Configuration(proxyBeanMethods = false)
public class PolicySubscription {

  /** Renaming the consumer replays every policy from the start into the read model. */
  static final String CONSUMER = "assignment-policies";

  @Bean
  EventSubscription assignmentPoliciesSubscription(PolicyProjection projection) {
    return new EventSubscription(CONSUMER, List.of(Topics.POLICY_ASSIGNMENT_POLICIES), projection);
  }
}
