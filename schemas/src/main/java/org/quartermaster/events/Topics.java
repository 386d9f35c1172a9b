package org.quartermaster.events;

import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.quartermaster.events.directory.GroupCreated;
import org.quartermaster.events.directory.GroupDeleted;
import org.quartermaster.events.directory.GroupMemberAdded;
import org.quartermaster.events.directory.GroupMemberRemoved;
import org.quartermaster.events.directory.GroupOwnerAdded;
import org.quartermaster.events.directory.GroupOwnerRemoved;
import org.quartermaster.events.directory.GroupUpdated;
import org.quartermaster.events.directory.UserCreated;
import org.quartermaster.events.directory.UserDeleted;
import org.quartermaster.events.directory.UserUpdated;

/**
 * The single place where topics, their keys and the events they carry are declared.
 *
 * <p>Producers and consumers look topics up here instead of repeating names, so a rename or a new event type is one
 * edit. Keys are chosen per aggregate so that Kafka's per-partition ordering gives per-aggregate ordering.
 */
public final class Topics {

  /** User lifecycle; keyed by user id so every change to one user is consumed in order. */
  public static final TopicSpec DIRECTORY_USERS = new TopicSpec(
      "quartermaster.directory.users",
      "user id (DirectoryUser.id)",
      List.of(UserCreated.class, UserUpdated.class, UserDeleted.class));

  /**
   * Group lifecycle and membership; membership shares the group's key and topic so that, for example, a
   * GroupMemberAdded can never overtake the GroupCreated of its group.
   */
  public static final TopicSpec DIRECTORY_GROUPS = new TopicSpec(
      "quartermaster.directory.groups",
      "group id (DirectoryGroup.id)",
      List.of(
          GroupCreated.class, GroupUpdated.class, GroupDeleted.class,
          GroupMemberAdded.class, GroupMemberRemoved.class,
          GroupOwnerAdded.class, GroupOwnerRemoved.class));

  private static final List<TopicSpec> ALL = List.of(DIRECTORY_USERS, DIRECTORY_GROUPS);

  private Topics() {
  }

  /** Every topic, in declaration order. */
  public static List<TopicSpec> all() {
    return ALL;
  }

  /** Every event type of every topic. */
  public static List<Class<? extends SpecificRecord>> eventTypes() {
    return ALL.stream().flatMap(topic -> topic.eventTypes().stream()).toList();
  }

  /** The topic an event type is published on. */
  public static TopicSpec topicOf(Class<? extends SpecificRecord> eventType) {
    return ALL.stream()
        .filter(topic -> topic.carries(eventType))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No topic carries " + eventType.getName()));
  }

  /**
   * The physical topic name: {@code prefix + "." + name}, or just the name for an empty or null prefix.
   *
   * <p>Tests sharing one broker isolate themselves with a unique prefix; production uses the empty prefix.
   */
  public static String qualified(String prefix, TopicSpec topic) {
    if (prefix == null || prefix.isEmpty()) {
      return topic.name();
    }
    String qualified = (prefix.endsWith(".") ? prefix : prefix + ".") + topic.name();
    if (!TopicSpec.LEGAL_NAME.matcher(qualified).matches()) {
      throw new IllegalArgumentException("Prefix makes an illegal Kafka topic name: " + qualified);
    }
    return qualified;
  }
}
