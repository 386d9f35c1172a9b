package org.quartermaster.policy.directory.application;

import java.util.List;
import org.quartermaster.events.Topics;
import org.quartermaster.platform.inbox.EventSubscription;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Subscribes the directory read model to the directory's user and group topics. */
@Configuration(proxyBeanMethods = false)
public class DirectorySubscription {

  /** Renaming the consumer replays the directory from the start into the read model. */
  static final String CONSUMER = "directory";

  @Bean
  EventSubscription directoryEventsSubscription(DirectoryProjection projection) {
    return new EventSubscription(CONSUMER, List.of(Topics.DIRECTORY_USERS, Topics.DIRECTORY_GROUPS), projection);
  }
}
