package org.quartermaster.request.separation.application;

import java.util.List;
import org.quartermaster.events.Topics;
import org.quartermaster.platform.inbox.EventSubscription;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Subscribes the separation-of-duties read models to the catalog's package topic and the directory's group topic.
 * Each has a consumer of its own, so a deployment that already consumed those topics replays them from the start and
 * learns the incompatibilities declared before they were enforced.
 */
@Configuration(proxyBeanMethods = false)
public class SeparationSubscription {

  /** Renaming a consumer replays its topic from the start into its read model. */
  static final String INCOMPATIBILITIES = "access-package-incompatibilities";
  static final String GROUP_NAMES = "directory-group-names";

  @Bean
  EventSubscription incompatibilitiesSubscription(IncompatibilityProjection projection) {
    return new EventSubscription(INCOMPATIBILITIES, List.of(Topics.CATALOG_ACCESS_PACKAGES), projection);
  }

  @Bean
  EventSubscription groupNamesSubscription(GroupNamesProjection projection) {
    return new EventSubscription(GROUP_NAMES, List.of(Topics.DIRECTORY_GROUPS), projection);
  }
}
