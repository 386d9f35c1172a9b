package org.quartermaster.platform.query;

import java.util.List;
import java.util.function.Function;

/** One page of a collection, whether another follows, and the total when $count was asked. */
public record Page<T>(List<T> items, boolean hasMore, Long count) {

  public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
    return new Page<>(items.stream().<R>map(mapper).toList(), hasMore, count);
  }
}
