package org.quartermaster.request.requests.application;

import java.util.List;
import org.quartermaster.events.Topics;
import org.quartermaster.platform.inbox.EventSubscription;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Subscribes the delivery projection to provisioning's assignment topic. */
@Configuration(proxyBeanMethods = false)
public class DeliverySubscription {

  /** Renaming the consumer replays provisioning's assignments from the start. */
  static final String CONSUMER = "provisioning-assignments";

  @Bean
  EventSubscription provisioningAssignmentsSubscription(DeliveryProjection projection) {
    return new EventSubscription(CONSUMER, List.of(Topics.PROVISIONING_ASSIGNMENTS), projection);
  }
}
