package org.quartermaster.request.extensions.application;

import java.util.List;
import org.quartermaster.events.Topics;
import org.quartermaster.platform.inbox.EventSubscription;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Subscribes the extension read model to extension-gateway's definitions, and the callout record to its callouts. */
@Configuration(proxyBeanMethods = false)
public class CustomExtensionSubscription {

  /** Renaming the consumer replays every extension from the start into the read model. */
  static final String EXTENSIONS_CONSUMER = "custom-workflow-extensions";
  /** Renaming it replays every callout: the record is rewritten, and only callouts a request still waits for act. */
  static final String CALLOUTS_CONSUMER = "extension-callouts";

  @Bean
  EventSubscription customWorkflowExtensionsSubscription(CustomExtensionProjection projection) {
    return new EventSubscription(EXTENSIONS_CONSUMER, List.of(Topics.EXTENSION_CUSTOM_WORKFLOW_EXTENSIONS), projection);
  }

  @Bean
  EventSubscription extensionCalloutsSubscription(CalloutProjection projection) {
    return new EventSubscription(CALLOUTS_CONSUMER, List.of(Topics.EXTENSION_CALLOUTS), projection);
  }
}
