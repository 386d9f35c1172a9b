package org.quartermaster.policy.extensions.application;

import java.util.List;
import org.quartermaster.events.Topics;
import org.quartermaster.platform.inbox.EventSubscription;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Subscribes the custom workflow extension read model to extension-gateway's definition topic. */
@Configuration(proxyBeanMethods = false)
public class ExtensionsSubscription {

  /** Renaming the consumer replays the extension definitions from the start into the read model. */
  static final String CONSUMER = "extension-custom-workflow-extensions";

  @Bean
  EventSubscription customWorkflowExtensionsSubscription(CustomExtensionsProjection projection) {
    return new EventSubscription(CONSUMER, List.of(Topics.EXTENSION_CUSTOM_WORKFLOW_EXTENSIONS), projection);
  }
}
