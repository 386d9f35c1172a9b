package org.quartermaster.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quartermaster.events.EventCodec;
import org.quartermaster.events.Topics;
import org.quartermaster.events.directory.UserUpdated;
import org.quartermaster.platform.testapp.PlatformTestService;
import org.quartermaster.platform.testapp.UserEvents;
import org.quartermaster.testing.ServiceNamespace;
import org.quartermaster.testing.TopicTap;
import org.quartermaster.testing.TopicTap.Received;

/** Two instances of one service share its schema and outbox; both relays wake on every commit. */
class OutboxTwoInstancesTest {

  static final ServiceNamespace NAMESPACE = ServiceNamespace.random("outbox_pair");
  static PlatformTestService first;
  static PlatformTestService second;
  static TopicTap users;

  @BeforeAll
  static void start() {
    first = PlatformTestService.start(NAMESPACE);
    second = PlatformTestService.start(NAMESPACE);
    users = new TopicTap(NAMESPACE, Topics.DIRECTORY_USERS);
  }

  @AfterAll
  static void stop() {
    users.close();
    second.close();
    first.close();
  }

  @Test
  void instancesAppendingAlternatelyForOneKeyPublishEveryEventOnceAndInOrder() {
    String userId = UUID.randomUUID().toString();
    List<String> committed = new ArrayList<>();
    for (int revision = 0; revision < 60; revision++) {
      PlatformTestService instance = revision % 2 == 0 ? first : second;
      UserUpdated event = UserEvents.updated(instance.newMetadata(userId), "revision " + revision);
      instance.commit(event);
      committed.add(String.valueOf(EventCodec.metadataOf(event).getEventId()));
    }

    users.awaitMatching(record -> userId.equals(record.key()), committed.size());
    // A relay publishing a batch twice would show up after the last original, so wait a while for it.
    List<Received> afterQuietPeriod = users.drain(Duration.ofSeconds(1)).stream()
        .filter(record -> userId.equals(record.key()))
        .toList();

    assertThat(afterQuietPeriod).extracting(Received::eventId).containsExactlyElementsOf(committed);
    await().atMost(Duration.ofSeconds(10)).until(() -> first.outboxSize() == 0);
  }
}
