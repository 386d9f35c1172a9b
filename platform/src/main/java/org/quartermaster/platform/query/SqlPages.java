package org.quartermaster.platform.query;

import io.r2dbc.spi.Readable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.quartermaster.odata.CollectionQuery;
import org.quartermaster.odata.SqlFragment;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * Runs a parsed collection query: the caller's scope (e.g. "members of this group") AND the
 * client's $filter, in the client's order, one page plus one row to know if more follow.
 */
public final class SqlPages {

  private SqlPages() {
  }

  /**
   * @param from the FROM clause, e.g. {@code users u}
   * @param scope the caller's own condition; its parameter names must not look like {@code f0}
   */
  public static <T> Mono<Page<T>> fetch(DatabaseClient database, String select, String from, Optional<SqlFragment> scope,
      CollectionQuery query, Function<Readable, T> mapper) {
    String where = where(scope, query);
    String sql = "SELECT " + select + " FROM " + from + where + " ORDER BY " + query.orderByClause()
        + " LIMIT :pageLimit OFFSET :pageOffset";
    DatabaseClient.GenericExecuteSpec spec = bindAll(database.sql(sql), scope, query)
        .bind("pageLimit", query.top() + 1)
        .bind("pageOffset", query.skip());
    Mono<List<T>> rows = spec.map(mapper::apply).all().collectList();
    Mono<Long> count = query.count()
        ? bindAll(database.sql("SELECT count(*) AS total FROM " + from + where), scope, query)
            .map(row -> row.get("total", Long.class)).one()
        : Mono.just(-1L);
    return Mono.zip(rows, count).map(result -> {
      List<T> items = result.getT1();
      boolean hasMore = items.size() > query.top();
      return new Page<>(hasMore ? items.subList(0, query.top()) : items, hasMore,
          result.getT2() < 0 ? null : result.getT2());
    });
  }

  private static String where(Optional<SqlFragment> scope, CollectionQuery query) {
    StringBuilder where = new StringBuilder();
    scope.ifPresent(fragment -> where.append('(').append(fragment.sql()).append(')'));
    query.where().ifPresent(fragment -> {
      if (!where.isEmpty()) {
        where.append(" AND ");
      }
      where.append('(').append(fragment.sql()).append(')');
    });
    return where.isEmpty() ? "" : " WHERE " + where;
  }

  private static DatabaseClient.GenericExecuteSpec bindAll(DatabaseClient.GenericExecuteSpec spec,
      Optional<SqlFragment> scope, CollectionQuery query) {
    DatabaseClient.GenericExecuteSpec bound = spec;
    for (Map.Entry<String, Object> parameter : scope.map(SqlFragment::parameters).orElse(Map.of()).entrySet()) {
      bound = bound.bind(parameter.getKey(), parameter.getValue());
    }
    for (Map.Entry<String, Object> parameter : query.where().map(SqlFragment::parameters).orElse(Map.of()).entrySet()) {
      bound = bound.bind(parameter.getKey(), parameter.getValue());
    }
    return bound;
  }
}
