package org.quartermaster.request.packages.application;

import java.util.List;
import org.quartermaster.events.Topics;
import org.quartermaster.platform.inbox.EventSubscription;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Subscribes the access package read model to the catalog's access package topic. */
@Configuration(proxyBeanMethods = false)
public class AccessPackageSubscription {

  /** Renaming the consumer replays the catalog's packages from the start into the read model. */
  static final String CONSUMER = "access-packages";

  @Bean
  EventSubscription accessPackagesSubscription(AccessPackageProjection projection) {
    return new EventSubscription(CONSUMER, List.of(Topics.CATALOG_ACCESS_PACKAGES), projection);
  }
}
