package org.quartermaster.policy.assignments.application;

import java.util.List;
import org.quartermaster.events.Topics;
import org.quartermaster.platform.inbox.EventSubscription;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Subscribes the assignment read model to provisioning's assignment topic. */
@Configuration(proxyBeanMethods = false)
public class AssignmentsSubscription {

  /** Renaming the consumer replays provisioning's assignments from the start into the read model. */
  static final String CONSUMER = "provisioning-assignments";

  @Bean
  EventSubscription provisioningAssignmentsSubscription(AssignmentsProjection projection) {
    return new EventSubscription(CONSUMER, List.of(Topics.PROVISIONING_ASSIGNMENTS), projection);
  }
}
