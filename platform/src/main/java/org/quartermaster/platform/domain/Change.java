package org.quartermaster.platform.domain;

import java.util.ArrayList;
import java.util.List;

/** What a domain decision produced: the new state and the events that describe it. */
public record Change<S, E>(S state, List<E> events) {

  public Change {
    events = List.copyOf(events);
  }

  public static <S, E> Change<S, E> of(S state, E event) {
    return new Change<>(state, List.of(event));
  }

  public static <S, E> Change<S, E> none(S state) {
    return new Change<>(state, List.of());
  }

  public boolean changed() {
    return !events.isEmpty();
  }

  /**
   * This change followed by {@code next}, a decision taken on this change's state: {@code next}'s state, and both
   * changes' events in order. Lets a service chain steps in one transaction without losing the earlier step's events.
   */
  public Change<S, E> andThen(Change<S, E> next) {
    if (events.isEmpty()) {
      return next;
    }
    List<E> all = new ArrayList<>(events);
    all.addAll(next.events());
    return new Change<>(next.state(), all);
  }
}
