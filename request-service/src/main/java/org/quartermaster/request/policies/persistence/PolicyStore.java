package org.quartermaster.request.policies.persistence;

import java.util.List;
import java.util.UUID;
import org.quartermaster.request.common.persistence.Rows;
import org.quartermaster.request.policies.domain.AssignmentPolicy;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** The assignment_policies read model: each policy as one JSON document. Only the projection writes here. */
@Repository
public class PolicyStore {

  private final DatabaseClient database;

  public PolicyStore(DatabaseClient database) {
    this.database = database;
  }

  public Mono<AssignmentPolicy> find(UUID id) {
    return database.sql("SELECT document::text AS document FROM assignment_policies WHERE id = :id").bind("id", id)
        .map(row -> read(row.get("document", String.class))).one();
  }

  public Mono<List<AssignmentPolicy>> ofPackage(UUID accessPackageId) {
    return database.sql("SELECT document::text AS document FROM assignment_policies WHERE access_package_id = :package "
            + "ORDER BY id")
        .bind("package", accessPackageId)
        .map(row -> read(row.get("document", String.class))).all().collectList();
  }

  /** Every event carries the whole policy, and one policy's events arrive in order: the latest replaces the one before. */
  public Mono<Void> upsert(AssignmentPolicy policy) {
    return database.sql("""
            INSERT INTO assignment_policies (id, access_package_id, display_name, document)
            VALUES (:id, :package, :displayName, CAST(:document AS jsonb))
            ON CONFLICT (id) DO UPDATE SET access_package_id = EXCLUDED.access_package_id,
                display_name = EXCLUDED.display_name, document = EXCLUDED.document""")
        .bind("id", policy.id())
        .bind("package", policy.accessPackageId())
        .bind("displayName", policy.displayName())
        .bind("document", Rows.DOCUMENTS.writeValueAsString(policy))
        .fetch().rowsUpdated().then();
  }

  public Mono<Void> delete(UUID id) {
    return database.sql("DELETE FROM assignment_policies WHERE id = :id").bind("id", id).fetch().rowsUpdated().then();
  }

  private static AssignmentPolicy read(String document) {
    return Rows.DOCUMENTS.readValue(document, AssignmentPolicy.class);
  }
}
