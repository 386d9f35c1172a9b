package org.quartermaster.platform.domain;

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
}
