package org.quartermaster.policy.policies.persistence;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.quartermaster.odata.CollectionQuery;
import org.quartermaster.odata.PropertyType;
import org.quartermaster.odata.QueryModel;
import org.quartermaster.odata.SqlFragment;
import org.quartermaster.platform.query.Page;
import org.quartermaster.platform.query.SqlPages;
import org.quartermaster.policy.common.domain.Audit;
import org.quartermaster.platform.domain.GraphEnum;
import org.quartermaster.policy.policies.domain.AssignmentPolicy;
import org.quartermaster.policy.policies.domain.PolicyDefinition;
import org.quartermaster.policy.policies.domain.TargetScope;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Assignment policies; the policy service owns them and writes them only inside its use cases' transactions. */
@Repository
public class PolicyStore {

  public static final QueryModel QUERY_MODEL = QueryModel.builder("assignmentPolicies")
      .property("id", "p.id", PropertyType.GUID)
      .property("displayName", "p.display_name", PropertyType.STRING)
      .property("description", "p.description", PropertyType.STRING)
      .enumProperty("allowedTargetScope", "p.allowed_target_scope",
          Arrays.stream(TargetScope.values()).map(GraphEnum::graphName).toList())
      .property("createdDateTime", "p.created_at", PropertyType.DATETIME)
      .property("modifiedDateTime", "p.modified_at", PropertyType.DATETIME)
      .property("accessPackage/id", "p.access_package_id", PropertyType.GUID)
      .property("catalog/id", "p.catalog_id", PropertyType.GUID)
      .selectable("specificAllowedTargets", "expiration", "requestorSettings", "requestApprovalSettings",
          "automaticRequestSettings", "reviewSettings", "questions", "customExtensionStageSettings")
      .sortable("displayName", "createdDateTime", "modifiedDateTime")
      .expandable("accessPackage", "questions", "customExtensionStageSettings",
          "customExtensionStageSettings/customExtension")
      .defaultOrderBy("p.id")
      .build();

  public static final QueryModel BETA_QUERY_MODEL = QueryModel.builder("accessPackageAssignmentPolicies")
      .property("id", "p.id", PropertyType.GUID)
      .property("displayName", "p.display_name", PropertyType.STRING)
      .property("description", "p.description", PropertyType.STRING)
      .property("accessPackageId", "p.access_package_id", PropertyType.GUID)
      .property("accessPackage/id", "p.access_package_id", PropertyType.GUID)
      .property("createdBy", "p.created_by", PropertyType.STRING)
      .property("createdDateTime", "p.created_at", PropertyType.DATETIME)
      .property("modifiedBy", "p.modified_by", PropertyType.STRING)
      .property("modifiedDateTime", "p.modified_at", PropertyType.DATETIME)
      .selectable("canExtend", "durationInDays", "expirationDateTime", "accessReviewSettings", "requestorSettings",
          "requestApprovalSettings", "questions", "customExtensionStageSettings")
      .sortable("displayName", "createdDateTime", "modifiedDateTime")
      .expandable("accessPackage", "customExtensionStageSettings", "customExtensionStageSettings/customExtension")
      .defaultOrderBy("p.id")
      .build();

  static final String COLUMNS = "p.id, p.access_package_id, p.catalog_id, p.display_name, p.description, "
      + "p.allowed_target_scope, p.settings::text AS settings, p.created_at, p.modified_at, p.created_by, p.modified_by";

  private final DatabaseClient database;

  public PolicyStore(DatabaseClient database) {
    this.database = database;
  }

  /** @param scope the caller's own condition on {@code p}, e.g. "of this access package" */
  public Mono<Page<AssignmentPolicy>> page(CollectionQuery query, Optional<SqlFragment> scope) {
    return SqlPages.fetch(database, COLUMNS, "assignment_policies p", scope, query, PolicyStore::read);
  }

  public static Optional<SqlFragment> ofPackage(UUID accessPackageId) {
    return Optional.of(new SqlFragment("p.access_package_id = :scopePackage", Map.of("scopePackage", accessPackageId)));
  }

  public Mono<AssignmentPolicy> find(UUID id) {
    return database.sql("SELECT " + COLUMNS + " FROM assignment_policies p WHERE p.id = :id").bind("id", id)
        .map(PolicyStore::read).one();
  }

  /** Locks the row, so one policy's changes serialise and keep their event order. */
  public Mono<AssignmentPolicy> lock(UUID id) {
    return database.sql("SELECT " + COLUMNS + " FROM assignment_policies p WHERE p.id = :id FOR UPDATE").bind("id", id)
        .map(PolicyStore::read).one();
  }

  /** Every policy of a package, locked, in id order. */
  public Flux<AssignmentPolicy> lockAllOf(UUID accessPackageId) {
    return database.sql("SELECT " + COLUMNS + " FROM assignment_policies p WHERE p.access_package_id = :packageId "
            + "ORDER BY p.id FOR UPDATE")
        .bind("packageId", accessPackageId).map(PolicyStore::read).all();
  }

  public Flux<AssignmentPolicy> allOf(UUID accessPackageId) {
    return database.sql("SELECT " + COLUMNS + " FROM assignment_policies p WHERE p.access_package_id = :packageId "
            + "ORDER BY p.display_name, p.id")
        .bind("packageId", accessPackageId).map(PolicyStore::read).all();
  }

  public Mono<Void> insert(AssignmentPolicy policy) {
    PolicyDefinition definition = policy.definition();
    Audit audit = policy.audit();
    return database.sql("""
            INSERT INTO assignment_policies (id, access_package_id, catalog_id, display_name, description,
                                             allowed_target_scope, settings, created_at, modified_at, created_by, modified_by)
            VALUES (:id, :packageId, :catalogId, :displayName, :description, :scope, CAST(:settings AS JSONB),
                    :createdAt, :modifiedAt, :createdBy, :modifiedBy)""")
        .bind("id", policy.id())
        .bind("packageId", policy.accessPackageId())
        .bind("catalogId", policy.catalogId())
        .bind("displayName", definition.displayName())
        .bind("description", Parameter.fromOrEmpty(definition.description(), String.class))
        .bind("scope", definition.allowedTargetScope().graphName())
        .bind("settings", PolicyDocuments.write(definition))
        .bind("createdAt", utc(audit.createdDateTime()))
        .bind("modifiedAt", utc(audit.modifiedDateTime()))
        .bind("createdBy", Parameter.fromOrEmpty(audit.createdBy(), String.class))
        .bind("modifiedBy", Parameter.fromOrEmpty(audit.modifiedBy(), String.class))
        .fetch().rowsUpdated().then();
  }

  public Mono<Void> update(AssignmentPolicy policy) {
    PolicyDefinition definition = policy.definition();
    return database.sql("""
            UPDATE assignment_policies SET display_name = :displayName, description = :description,
                   allowed_target_scope = :scope, settings = CAST(:settings AS JSONB), modified_at = :modifiedAt,
                   modified_by = :modifiedBy
            WHERE id = :id""")
        .bind("id", policy.id())
        .bind("displayName", definition.displayName())
        .bind("description", Parameter.fromOrEmpty(definition.description(), String.class))
        .bind("scope", definition.allowedTargetScope().graphName())
        .bind("settings", PolicyDocuments.write(definition))
        .bind("modifiedAt", utc(policy.audit().modifiedDateTime()))
        .bind("modifiedBy", Parameter.fromOrEmpty(policy.audit().modifiedBy(), String.class))
        .fetch().rowsUpdated().then();
  }

  public Mono<Void> delete(UUID id) {
    return database.sql("DELETE FROM assignment_policies WHERE id = :id").bind("id", id).fetch().rowsUpdated().then();
  }

  static AssignmentPolicy read(Readable row) {
    PolicyDefinition definition = PolicyDocuments.read(row.get("settings", String.class),
        row.get("display_name", String.class), row.get("description", String.class),
        row.get("allowed_target_scope", String.class));
    Audit audit = new Audit(row.get("created_at", OffsetDateTime.class).toInstant(), row.get("created_by", String.class),
        row.get("modified_at", OffsetDateTime.class).toInstant(), row.get("modified_by", String.class));
    return new AssignmentPolicy(row.get("id", UUID.class), row.get("access_package_id", UUID.class),
        row.get("catalog_id", UUID.class), definition, audit);
  }

  static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
