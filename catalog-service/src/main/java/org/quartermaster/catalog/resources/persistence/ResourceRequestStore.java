package org.quartermaster.catalog.resources.persistence;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.quartermaster.platform.domain.GraphEnum;
import org.quartermaster.catalog.resources.domain.CatalogResource;
import org.quartermaster.catalog.resources.domain.OriginSystem;
import org.quartermaster.catalog.resources.domain.ResourceRequest;
import org.quartermaster.catalog.resources.domain.ResourceRequestState;
import org.quartermaster.catalog.resources.domain.ResourceRequestType;
import org.quartermaster.odata.CollectionQuery;
import org.quartermaster.odata.PropertyType;
import org.quartermaster.odata.QueryModel;
import org.quartermaster.odata.SqlFragment;
import org.quartermaster.platform.query.Page;
import org.quartermaster.platform.query.SqlPages;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** The history of resource requests. */
@Repository
public class ResourceRequestStore {

  static final List<String> TYPES = List.of("adminAdd", "adminUpdate", "adminRemove");
  static final List<String> STATES = List.of("delivered");

  public static final QueryModel QUERY_MODEL = QueryModel.builder("resourceRequests")
      .property("id", "q.id", PropertyType.GUID)
      .property("catalog/id", "q.catalog_id", PropertyType.GUID)
      .property("resource/id", "q.resource_id", PropertyType.GUID)
      .property("resource/originId", "q.origin_id", PropertyType.STRING)
      .enumProperty("requestType", "q.request_type", TYPES)
      .enumProperty("state", "q.state", STATES)
      .property("createdDateTime", "q.created_at", PropertyType.DATETIME)
      .sortable("createdDateTime")
      .expandable("catalog", "resource")
      .defaultOrderBy("q.id")
      .build();

  public static final QueryModel BETA_QUERY_MODEL = QueryModel.builder("accessPackageResourceRequests")
      .property("id", "q.id", PropertyType.GUID)
      .property("catalogId", "q.catalog_id", PropertyType.GUID)
      .property("accessPackageResource/id", "q.resource_id", PropertyType.GUID)
      .property("accessPackageResource/originId", "q.origin_id", PropertyType.STRING)
      .enumProperty("requestType", "q.request_type", TYPES)
      .enumProperty("requestState", "q.state", STATES)
      .property("justification", "q.justification", PropertyType.STRING)
      .sortable("requestType")
      .expandable("accessPackageResource")
      .defaultOrderBy("q.id")
      .build();

  static final String COLUMNS = "q.id, q.catalog_id, q.request_type, q.state, q.resource_id, q.origin_id, q.origin_system, "
      + "q.display_name, q.description, q.resource_type, q.justification, q.created_at, q.requested_by";

  private final DatabaseClient database;

  public ResourceRequestStore(DatabaseClient database) {
    this.database = database;
  }

  public Mono<Page<ResourceRequest>> page(CollectionQuery query) {
    return SqlPages.fetch(database, COLUMNS, "resource_requests q", Optional.<SqlFragment>empty(), query,
        ResourceRequestStore::read);
  }

  public Mono<ResourceRequest> find(UUID id) {
    return database.sql("SELECT " + COLUMNS + " FROM resource_requests q WHERE q.id = :id").bind("id", id)
        .map(ResourceRequestStore::read).one();
  }

  public Mono<Void> insert(ResourceRequest request) {
    CatalogResource resource = request.resource();
    return database.sql("""
            INSERT INTO resource_requests (id, catalog_id, request_type, state, resource_id, origin_id, origin_system,
                                           display_name, description, resource_type, justification, created_at, requested_by)
            VALUES (:id, :catalogId, :requestType, :state, :resourceId, :originId, :originSystem, :displayName,
                    :description, :resourceType, :justification, :createdAt, :requestedBy)""")
        .bind("id", request.id())
        .bind("catalogId", request.catalogId())
        .bind("requestType", request.requestType().graphName())
        .bind("state", request.state().graphName())
        .bind("resourceId", resource.id())
        .bind("originId", resource.originId())
        .bind("originSystem", resource.originSystem().graphName())
        .bind("displayName", Parameter.fromOrEmpty(resource.displayName(), String.class))
        .bind("description", Parameter.fromOrEmpty(resource.description(), String.class))
        .bind("resourceType", Parameter.fromOrEmpty(resource.resourceType(), String.class))
        .bind("justification", Parameter.fromOrEmpty(request.justification(), String.class))
        .bind("createdAt", ResourceStore.utc(request.createdDateTime()))
        .bind("requestedBy", Parameter.fromOrEmpty(request.requestedBy(), String.class))
        .fetch().rowsUpdated().then();
  }

  static ResourceRequest read(Readable row) {
    Instant created = row.get("created_at", OffsetDateTime.class).toInstant();
    CatalogResource resource = new CatalogResource(row.get("resource_id", UUID.class), row.get("catalog_id", UUID.class),
        row.get("origin_id", String.class), OriginSystem.parse(row.get("origin_system", String.class)),
        row.get("display_name", String.class), row.get("description", String.class), row.get("resource_type", String.class),
        created, row.get("requested_by", String.class), List.of(), List.of());
    return new ResourceRequest(row.get("id", UUID.class), row.get("catalog_id", UUID.class),
        GraphEnum.parse(ResourceRequestType.class, row.get("request_type", String.class), "requestType"),
        GraphEnum.parse(ResourceRequestState.class, row.get("state", String.class), "state"),
        resource, row.get("justification", String.class), created, row.get("requested_by", String.class));
  }
}
