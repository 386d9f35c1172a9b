package org.quartermaster.platform.outbox;

import org.apache.avro.specific.SpecificRecord;
import org.quartermaster.events.Topics;
import org.quartermaster.events.TopicSpec;

/**
 * Resolves the deployed name of a topic: the declared name behind an optional prefix, so that
 * test runs sharing one broker never read each other's events.
 */
public record TopicNames(String prefix) {

  public String of(TopicSpec spec) {
    return Topics.qualified(prefix, spec);
  }

  public String of(Class<? extends SpecificRecord> eventType) {
    return of(specOf(eventType));
  }

  public static TopicSpec specOf(Class<? extends SpecificRecord> eventType) {
    return Topics.topicOf(eventType);
  }
}
