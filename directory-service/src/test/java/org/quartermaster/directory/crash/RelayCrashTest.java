package org.quartermaster.directory.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.quartermaster.directory.crash.DirectoryDatabase.OutboxRow;
import org.quartermaster.events.Topics;
import org.quartermaster.events.directory.UserCreated;
import org.quartermaster.testing.DevTokens;
import org.quartermaster.testing.ServiceNamespace;
import org.quartermaster.testing.TopicTap;

/**
 * The outbox's promise under a real crash: the directory runs as a separate JVM that dies without
 * any graceful close, and every committed event still reaches Kafka exactly once.
 */
class RelayCrashTest {

  private static final Duration STARTUP = Duration.ofSeconds(60);
  private static final String HALT_BEFORE_PUBLISHING = "--quartermaster.outbox.halt-before-publishing=true";
  /** What Linux reports for a JVM that called {@code Runtime.halt(137)} or received SIGKILL. */
  private static final int KILLED = 137;

  private final ServiceNamespace namespace = ServiceNamespace.random("crash");
  private final DevTokens tokens = DevTokens.create();
  private final String token = tokens.forUser(UUID.randomUUID(), "operator@contoso.com");
  private final DirectoryDatabase database = new DirectoryDatabase(namespace);
  private final List<DirectoryProcess> processes = new ArrayList<>();

  @AfterEach
  void killLeftoverProcesses() {
    processes.forEach(DirectoryProcess::close);
  }

  @Test
  void aUserCommittedJustBeforeACrashIsPublishedExactlyOnceAfterRestart() throws IOException {
    DirectoryProcess crashing = startDirectory("halting", HALT_BEFORE_PUBLISHING);
    String upn = "crash" + UUID.randomUUID().toString().substring(0, 8) + "@contoso.onmicrosoft.com";

    // The relay halts the JVM as soon as NOTIFY wakes it, which may be before or after the 201 is written.
    Optional<Integer> status = http(crashing).createUser(upn.substring(0, upn.indexOf('@')), upn);
    status.ifPresent(code -> assertThat(code).as("POST /v1.0/users").isEqualTo(201));
    assertThat(crashing.awaitExit(Duration.ofSeconds(30))).as(() -> "exit code\n" + crashing.logTail()).isEqualTo(KILLED);

    UUID id = database.userIdByPrincipalName(upn).orElseThrow(
        () -> new AssertionError("the user was not committed before the crash\n" + crashing.logTail()));
    List<OutboxRow> pending = database.outbox();
    assertThat(pending).singleElement().satisfies(row -> {
      assertThat(row.eventType()).isEqualTo(UserCreated.getClassSchema().getFullName());
      assertThat(row.messageKey()).isEqualTo(id.toString());
    });

    try (TopicTap users = new TopicTap(namespace, Topics.DIRECTORY_USERS)) {
      assertThat(users.drain(Duration.ofMillis(500))).as("published before the crash").isEmpty();
      assertThat(TopicLength.of(namespace, Topics.DIRECTORY_USERS)).as("records on the users topic").isZero();

      DirectoryProcess restarted = startDirectory("restarted");

      users.awaitMatching(record -> record.key().equals(id.toString()) && record.is(UserCreated.class), 1);
      List<TopicTap.Received> published = users.drain(Duration.ofMillis(1500));
      assertThat(published).singleElement().satisfies(record -> {
        assertThat(record.is(UserCreated.class)).isTrue();
        assertThat(record.key()).isEqualTo(id.toString());
        assertThat(record.eventId()).isEqualTo(pending.get(0).eventId().toString());
      });
      assertThat(TopicLength.of(namespace, Topics.DIRECTORY_USERS)).isEqualTo(1);
      awaitEmptyOutbox();
      assertThat(http(restarted).getUser(upn)).hasValueSatisfying(user -> assertThat(user.get("id")).isEqualTo(id.toString()));
    }
  }

  @Test
  void aKillAfterPublishingDoesNotPublishTheEventAgain() {
    DirectoryProcess first = startDirectory("first");
    try (TopicTap users = new TopicTap(namespace, Topics.DIRECTORY_USERS)) {
      UUID before = createUser(first, "beforekill");
      users.awaitMatching(record -> record.key().equals(before.toString()), 1);
      // Idle: the relay has published and deleted the row, so nothing is in flight when the process dies.
      awaitEmptyOutbox();
      assertThat(first.kill()).isEqualTo(KILLED);

      DirectoryProcess restarted = startDirectory("after-kill");
      UUID after = createUser(restarted, "afterkill");
      users.awaitMatching(record -> record.key().equals(after.toString()), 1);

      List<TopicTap.Received> published = users.drain(Duration.ofMillis(1000));
      assertThat(published).extracting(TopicTap.Received::key).containsExactly(before.toString(), after.toString());
      assertThat(published).allMatch(record -> record.is(UserCreated.class));
      assertThat(TopicLength.of(namespace, Topics.DIRECTORY_USERS)).isEqualTo(2);
    }
  }

  private DirectoryProcess startDirectory(String name, String... extraArguments) {
    DirectoryProcess process = DirectoryProcess.start(name, namespace, tokens, extraArguments);
    processes.add(process);
    DirectoryHttp http = http(process);
    try {
      await("directory process " + name + " answering").atMost(STARTUP).pollInterval(Duration.ofMillis(200)).until(() -> {
        if (!process.isAlive()) {
          throw new AssertionError("the directory process " + name + " died while starting\n" + process.logTail());
        }
        return http.answersQueries();
      });
    } catch (ConditionTimeoutException e) {
      throw new AssertionError(e.getMessage() + "\n" + process.logTail(), e);
    }
    return process;
  }

  private UUID createUser(DirectoryProcess process, String prefix) {
    String nickname = prefix + UUID.randomUUID().toString().substring(0, 8);
    String upn = nickname + "@contoso.onmicrosoft.com";
    assertThat(http(process).createUser(nickname, upn)).as(() -> "POST /v1.0/users\n" + process.logTail()).contains(201);
    return database.userIdByPrincipalName(upn).orElseThrow();
  }

  private void awaitEmptyOutbox() {
    await("empty outbox").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
        .until(() -> database.outbox().isEmpty());
  }

  private DirectoryHttp http(DirectoryProcess process) {
    return new DirectoryHttp(process.baseUrl(), token);
  }
}
