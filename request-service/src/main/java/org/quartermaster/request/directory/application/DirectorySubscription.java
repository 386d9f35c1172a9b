package org.quartermaster.request.directory.application;

import java.util.List;
import org.quartermaster.events.Topics;
import org.quartermaster.platform.inbox.EventSubscription;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Subscribes the user and membership read models to the directory's topics. */
@Configuration(proxyBeanMethods = false)
public class DirectorySubscription {

  /** Renaming a consumer replays its topic from the start into its read model. */
  static final String USERS = "directory-users";
  static final String MEMBERSHIPS = "directory-memberships";

  @Bean
  EventSubscription directoryUsersSubscription(DirectoryUsersProjection projection) {
    return new EventSubscription(USERS, List.of(Topics.DIRECTORY_USERS), projection);
  }

  @Bean
  EventSubscription groupMembershipsSubscription(GroupMembershipsProjection projection) {
    return new EventSubscription(MEMBERSHIPS, List.of(Topics.DIRECTORY_GROUPS), projection);
  }
}
