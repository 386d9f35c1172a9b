package org.quartermaster.platform.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.quartermaster.odata.CollectionQuery;
import org.quartermaster.odata.ODataQueryParser;
import org.quartermaster.odata.QueryModel;
import org.quartermaster.platform.query.Page;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

/** Parses a collection request's OData options and shapes a page of results the way Graph does. */
public class GraphCollections {

  private final int defaultPageSize;

  public GraphCollections(int defaultPageSize) {
    this.defaultPageSize = defaultPageSize;
  }

  public CollectionQuery parse(ServerHttpRequest request, QueryModel model) {
    return ODataQueryParser.parse(request.getQueryParams().toSingleValueMap(), model, defaultPageSize);
  }

  /**
   * @param entitySet the name after {@code $metadata#}, e.g. {@code users} or {@code groups('id')/members}
   */
  public <T> ODataCollection<Object> respond(ServerHttpRequest request, String entitySet, CollectionQuery query,
      Page<T> page, JsonMapper json) {
    List<Object> values = page.items().stream().map(item -> select(item, query, json)).toList();
    String nextLink = page.hasMore()
        ? UriComponentsBuilder.fromUri(request.getURI()).replaceQueryParam("$skiptoken", query.nextSkipToken())
            .build(true).toUriString()
        : null;
    return new ODataCollection<>(context(request, entitySet, query), query.count() ? page.count() : null, values, nextLink);
  }

  private static Object select(Object item, CollectionQuery query, JsonMapper json) {
    if (query.select().isEmpty()) {
      return item;
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> all = json.convertValue(item, LinkedHashMap.class);
    Map<String, Object> selected = new LinkedHashMap<>();
    all.forEach((name, value) -> {
      if (name.startsWith("@odata.") || name.equals("id") || query.select().contains(name)) {
        selected.put(name, value);
      }
    });
    return selected;
  }

  static String context(ServerHttpRequest request, String entitySet, CollectionQuery query) {
    URI uri = request.getURI();
    String path = request.getPath().pathWithinApplication().value();
    String version = path.startsWith("/beta") ? "beta" : "v1.0";
    String selection = query.select().isEmpty() ? "" : "(" + String.join(",", query.select()) + ")";
    return uri.getScheme() + "://" + uri.getAuthority() + "/" + version + "/$metadata#" + entitySet + selection;
  }
}
