package org.quartermaster.catalog.directory.application;

import java.util.List;
import org.quartermaster.events.Topics;
import org.quartermaster.platform.inbox.EventSubscription;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Subscribes the group read model to the directory's group topic. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CatalogProperties.class)
public class DirectorySubscription {

  /** Renaming the consumer replays the directory's groups from the start into the read model. */
  static final String CONSUMER = "directory-groups";

  @Bean
  EventSubscription directoryGroupsSubscription(DirectoryGroupsProjection projection) {
    return new EventSubscription(CONSUMER, List.of(Topics.DIRECTORY_GROUPS), projection);
  }
}
