package org.quartermaster.events;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.apache.avro.specific.SpecificRecord;

/**
 * One Kafka topic: its name, what its record key is, and the event types it carries.
 *
 * @param name Kafka topic name without any test prefix
 * @param keyDescription what the record key holds; it always equals {@code EventMetadata.aggregateId}
 * @param eventTypes generated event classes published on this topic
 */
public record TopicSpec(String name, String keyDescription, List<Class<? extends SpecificRecord>> eventTypes) {

  /** Kafka's own rule for legal topic characters, checked here so a typo fails at class load, not at first send. */
  static final Pattern LEGAL_NAME = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

  public TopicSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(keyDescription, "keyDescription");
    if (!LEGAL_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("Illegal Kafka topic name: " + name);
    }
    if (eventTypes.isEmpty()) {
      throw new IllegalArgumentException("Topic " + name + " declares no event types");
    }
    eventTypes = List.copyOf(eventTypes);
  }

  /** Whether events of this class are published on this topic. */
  public boolean carries(Class<? extends SpecificRecord> eventType) {
    return eventTypes.contains(eventType);
  }
}
