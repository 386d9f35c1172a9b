package org.quartermaster.request.requests.domain;

import java.util.stream.Collectors;
import org.quartermaster.request.common.domain.Conflict;

/** A trigger the request's current state does not allow; the message names the state and the states that would. */
public class IllegalTransition extends Conflict {

  private final RequestState state;
  private final Trigger trigger;

  public IllegalTransition(AssignmentRequest request, Trigger trigger) {
    super("state", "Assignment request '" + request.id() + "' is " + request.state().graphName() + ": it cannot "
        + trigger.outcome() + ". Only " + RequestLifecycle.statesAllowing(trigger).stream().map(RequestState::graphName)
        .collect(Collectors.joining(", ")) + " requests can.");
    this.state = request.state();
    this.trigger = trigger;
  }

  public RequestState state() {
    return state;
  }

  public Trigger trigger() {
    return trigger;
  }
}
