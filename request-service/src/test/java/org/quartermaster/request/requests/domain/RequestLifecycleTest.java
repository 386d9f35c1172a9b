package org.quartermaster.request.requests.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.quartermaster.platform.domain.Change;

/**
 * The request state machine, one test per (state, trigger) pair, against this table. A cell is the state the trigger
 * moves to, {@code =} for a repeat that changes nothing, {@code x} for a refusal. A submitted request is denied only
 * while a launch-and-wait custom extension holds it (denied, failed or timed out).
 */
class RequestLifecycleTest {

  static final String TABLE = """
      state               deliveryStarted  delivered  partiallyDelivered  deliveryFailed  cancel    reprocess   approve     deny
      submitted           delivering       delivered  partiallyDelivered  deliveryFailed  canceled  x           x           denied
      scheduled           delivering       delivered  partiallyDelivered  deliveryFailed  canceled  x           x           x
      pendingApproval     x                x          x                   x               canceled  x           delivering  denied
      delivering          =                delivered  partiallyDelivered  deliveryFailed  x         x           x           x
      delivered           =                =          x                   x               x         x           x           x
      partiallyDelivered  =                delivered  =                   x               x         delivering  x           x
      deliveryFailed      =                delivered  x                   =               x         delivering  x           x
      denied              x                x          x                   x               x         x           x           =
      canceled            x                x          x                   x               =         x           x           x
      """;

  static final Instant CREATED = Instant.parse("2026-03-01T09:00:00Z");
  static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

  static final Map<RequestState, Map<Trigger, String>> EXPECTED = parse(TABLE);

  static Map<RequestState, Map<Trigger, String>> parse(String table) {
    List<String[]> rows = table.lines().map(String::trim).filter(line -> !line.isEmpty()).map(line -> line.split("\\s+"))
        .toList();
    Trigger[] columns = Arrays.stream(rows.get(0)).skip(1).map(RequestLifecycleTest::trigger).toArray(Trigger[]::new);
    Map<RequestState, Map<Trigger, String>> expected = new EnumMap<>(RequestState.class);
    for (String[] row : rows.subList(1, rows.size())) {
      Map<Trigger, String> cells = new EnumMap<>(Trigger.class);
      for (int column = 0; column < columns.length; column++) {
        cells.put(columns[column], row[column + 1]);
      }
      expected.put(state(row[0]), cells);
    }
    return expected;
  }

  static Stream<Arguments> everyPair() {
    return Arrays.stream(RequestState.values())
        .flatMap(state -> Arrays.stream(Trigger.values()).map(trigger -> Arguments.of(state, trigger)));
  }

  @Test
  void theTableCoversEveryStateAndEveryTrigger() {
    assertThat(EXPECTED).containsOnlyKeys(RequestState.values());
    EXPECTED.values().forEach(row -> assertThat(row).containsOnlyKeys(Trigger.values()));
  }

  @ParameterizedTest(name = "{0} + {1}")
  @MethodSource("everyPair")
  void eachTriggerInEachStateMovesStaysOrIsRefusedAsTheTableSays(RequestState state, Trigger trigger) {
    String cell = EXPECTED.get(state).get(trigger);
    AssignmentRequest request = request(state);

    if (cell.equals("x")) {
      assertThat(RequestLifecycle.next(state, trigger).kind()).isEqualTo(RequestLifecycle.Step.Kind.REFUSE);
      assertThatThrownBy(() -> request.apply(trigger, NOW, "reason"))
          .isInstanceOf(IllegalTransition.class)
          .hasMessageContaining("is " + state.graphName() + ": it cannot " + trigger.outcome());
      return;
    }
    Change<AssignmentRequest, RequestEvent> change = request.apply(trigger, NOW, "Group is gone.");
    if (cell.equals("=")) {
      assertThat(RequestLifecycle.next(state, trigger).kind()).isEqualTo(RequestLifecycle.Step.Kind.STAY);
      assertThat(change.state()).isEqualTo(request);
      assertThat(change.events()).isEmpty();
      return;
    }
    RequestState to = state(cell);
    assertThat(RequestLifecycle.next(state, trigger)).isEqualTo(new RequestLifecycle.Step(RequestLifecycle.Step.Kind.MOVE, to));
    assertThat(change.state().state()).isEqualTo(to);
    assertThat(change.state().status()).isEqualTo(to.status());
    assertThat(change.events()).extracting(event -> event.getClass().getSimpleName()).containsExactlyElementsOf(eventsOf(trigger));
    change.events().forEach(event -> assertThat(event.request()).isEqualTo(change.state()));
    assertThat(change.state().completedDateTime()).isEqualTo(to.completed() ? NOW : null);
  }

  @Test
  void anApprovedRequestWhoseStartLiesAheadIsScheduled() {
    AssignmentRequest pending = request(RequestState.PENDING_APPROVAL);
    AssignmentRequest later = new AssignmentRequest(pending.id(), pending.type(), pending.state(), pending.accessPackageId(),
        pending.catalogId(), pending.assignmentPolicyId(), pending.targetId(), pending.requestorId(), null, null,
        new RequestSchedule(NOW.plusSeconds(3600), RequestSchedule.NONE.expiration()), List.of(), CREATED, null, null);

    assertThat(later.apply(Trigger.APPROVE, NOW, null).state().state()).isEqualTo(RequestState.SCHEDULED);
  }

  @Test
  void aRefusalNamesTheStatesThatWouldAllowTheTrigger() {
    assertThatThrownBy(() -> request(RequestState.DELIVERED).apply(Trigger.CANCEL, NOW, null))
        .hasMessageEndingWith("it cannot be canceled. Only submitted, pendingApproval, scheduled requests can.");
    assertThatThrownBy(() -> request(RequestState.SUBMITTED).apply(Trigger.REPROCESS, NOW, null))
        .hasMessageEndingWith("Only partiallyDelivered, deliveryFailed requests can.");
  }

  @Test
  void failuresKeepTheirReasonAndReprocessingForgetsIt() {
    AssignmentRequest failed = request(RequestState.DELIVERING).apply(Trigger.DELIVERY_FAILED, NOW, "Group is gone.").state();
    assertThat(failed.failureReason()).isEqualTo("Group is gone.");
    assertThat(((RequestEvent.Failed) request(RequestState.DELIVERING).apply(Trigger.DELIVERY_FAILED, NOW, "Group is gone.")
        .events().get(0)).reason()).isEqualTo("Group is gone.");

    AssignmentRequest retried = failed.apply(Trigger.REPROCESS, NOW.plusSeconds(60), null).state();
    assertThat(retried.state()).isEqualTo(RequestState.DELIVERING);
    assertThat(retried.failureReason()).isNull();
    assertThat(retried.completedDateTime()).isNull();
  }

  private static List<String> eventsOf(Trigger trigger) {
    switch (trigger) {
      case DELIVERED:
        return List.of("Delivered");
      case PARTIALLY_DELIVERED:
      case DELIVERY_FAILED:
        return List.of("Failed");
      case CANCEL:
        return List.of("Canceled");
      case REPROCESS:
        return List.of("DeliveryRequested");
      default:
        // approve and deny only move the state; the approval's own steps bring their events (AssignmentRequestTest)
        return List.of();
    }
  }

  static AssignmentRequest request(RequestState state) {
    return new AssignmentRequest(UUID.randomUUID(), RequestType.USER_ADD, state, UUID.randomUUID(), UUID.randomUUID(),
        UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), null, null, RequestSchedule.NONE, List.of(), CREATED,
        state.completed() ? CREATED.plusSeconds(5) : null, null);
  }

  private static Trigger trigger(String name) {
    return Arrays.stream(Trigger.values()).filter(trigger -> trigger.graphName().equals(name)).findFirst().orElseThrow();
  }

  private static RequestState state(String name) {
    return Arrays.stream(RequestState.values()).filter(state -> state.graphName().equals(name)).findFirst().orElseThrow();
  }
}
