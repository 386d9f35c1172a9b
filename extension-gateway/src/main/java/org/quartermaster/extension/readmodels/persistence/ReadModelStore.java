package org.quartermaster.extension.readmodels.persistence;

import io.r2dbc.spi.Readable;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.quartermaster.extension.readmodels.domain.Facts.Binding;
import org.quartermaster.extension.readmodels.domain.Facts.CatalogFacts;
import org.quartermaster.extension.readmodels.domain.Facts.PackageFacts;
import org.quartermaster.extension.readmodels.domain.Facts.PolicyFacts;
import org.quartermaster.extension.readmodels.domain.Facts.RequestFacts;
import org.quartermaster.extension.readmodels.domain.Facts.UserFacts;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** catalogs, access_packages, assignment_policies, policy_bindings, directory_users and assignment_requests. */
@Repository
public class ReadModelStore {

  private final DatabaseClient database;

  public ReadModelStore(DatabaseClient database) {
    this.database = database;
  }

  // ---- catalogs

  public Mono<CatalogFacts> catalog(UUID id) {
    return database.sql("SELECT id, display_name, description FROM catalogs WHERE id = :id").bind("id", id)
        .map(row -> new CatalogFacts(row.get("id", UUID.class), row.get("display_name", String.class),
            row.get("description", String.class)))
        .one();
  }

  public Mono<Void> upsertCatalog(CatalogFacts catalog) {
    return database.sql("""
            INSERT INTO catalogs (id, display_name, description) VALUES (:id, :name, :description)
            ON CONFLICT (id) DO UPDATE SET display_name = EXCLUDED.display_name, description = EXCLUDED.description""")
        .bind("id", catalog.id()).bind("name", catalog.displayName())
        .bind("description", Parameter.fromOrEmpty(catalog.description(), String.class))
        .fetch().rowsUpdated().then();
  }

  public Mono<Void> deleteCatalog(UUID id) {
    return database.sql("DELETE FROM catalogs WHERE id = :id").bind("id", id).fetch().rowsUpdated().then();
  }

  // ---- access packages

  public Mono<PackageFacts> accessPackage(UUID id) {
    return database.sql("SELECT id, catalog_id, display_name, description FROM access_packages WHERE id = :id")
        .bind("id", id)
        .map(row -> new PackageFacts(row.get("id", UUID.class), row.get("catalog_id", UUID.class),
            row.get("display_name", String.class), row.get("description", String.class)))
        .one();
  }

  public Mono<Void> upsertPackage(PackageFacts accessPackage) {
    return database.sql("""
            INSERT INTO access_packages (id, catalog_id, display_name, description)
            VALUES (:id, :catalog, :name, :description)
            ON CONFLICT (id) DO UPDATE SET catalog_id = EXCLUDED.catalog_id, display_name = EXCLUDED.display_name,
                description = EXCLUDED.description""")
        .bind("id", accessPackage.id()).bind("catalog", accessPackage.catalogId()).bind("name", accessPackage.displayName())
        .bind("description", Parameter.fromOrEmpty(accessPackage.description(), String.class))
        .fetch().rowsUpdated().then();
  }

  public Mono<Void> deletePackage(UUID id) {
    return database.sql("DELETE FROM access_packages WHERE id = :id").bind("id", id).fetch().rowsUpdated().then();
  }

  // ---- policies and their bindings

  public Mono<PolicyFacts> policy(UUID id) {
    return database.sql("SELECT id, access_package_id, display_name FROM assignment_policies WHERE id = :id")
        .bind("id", id)
        .map(row -> new PolicyFacts(row.get("id", UUID.class), row.get("access_package_id", UUID.class),
            row.get("display_name", String.class)))
        .one();
  }

  /** Replaces the policy and all its bindings: a policy update is a full replacement. */
  public Mono<Void> replacePolicy(PolicyFacts policy, List<Binding> bindings) {
    Mono<Void> upsert = database.sql("""
            INSERT INTO assignment_policies (id, access_package_id, display_name) VALUES (:id, :package, :name)
            ON CONFLICT (id) DO UPDATE SET access_package_id = EXCLUDED.access_package_id,
                display_name = EXCLUDED.display_name""")
        .bind("id", policy.id()).bind("package", policy.accessPackageId()).bind("name", policy.displayName())
        .fetch().rowsUpdated().then();
    return upsert.then(deleteBindings(policy.id()))
        .thenMany(Flux.fromIterable(bindings).concatMap(binding -> database.sql("""
                INSERT INTO policy_bindings (policy_id, stage, extension_id) VALUES (:policy, :stage, :extension)
                ON CONFLICT DO NOTHING""")
            .bind("policy", binding.policyId()).bind("stage", binding.stage()).bind("extension", binding.extensionId())
            .fetch().rowsUpdated()))
        .then();
  }

  public Mono<Void> deletePolicy(UUID id) {
    return deleteBindings(id)
        .then(database.sql("DELETE FROM assignment_policies WHERE id = :id").bind("id", id).fetch().rowsUpdated())
        .then();
  }

  private Mono<Void> deleteBindings(UUID policyId) {
    return database.sql("DELETE FROM policy_bindings WHERE policy_id = :policy").bind("policy", policyId)
        .fetch().rowsUpdated().then();
  }

  public Flux<Binding> bindings(UUID policyId, String stage) {
    return database.sql("SELECT policy_id, stage, extension_id FROM policy_bindings WHERE policy_id = :policy AND stage = :stage")
        .bind("policy", policyId).bind("stage", stage).map(ReadModelStore::binding).all();
  }

  public Flux<Binding> bindingsOf(UUID policyId, Collection<String> stages) {
    return database.sql("""
            SELECT policy_id, stage, extension_id FROM policy_bindings
             WHERE policy_id = :policy AND stage = ANY(:stages) ORDER BY stage, extension_id""")
        .bind("policy", policyId).bind("stages", stages.toArray(String[]::new)).map(ReadModelStore::binding).all();
  }

  /** The policies that bind an extension, by name, for the refusal to delete it. */
  public Flux<PolicyFacts> policiesBinding(UUID extensionId) {
    return database.sql("""
            SELECT DISTINCT p.id, p.access_package_id, p.display_name
              FROM policy_bindings b JOIN assignment_policies p ON p.id = b.policy_id
             WHERE b.extension_id = :extension ORDER BY p.display_name""")
        .bind("extension", extensionId)
        .map(row -> new PolicyFacts(row.get("id", UUID.class), row.get("access_package_id", UUID.class),
            row.get("display_name", String.class)))
        .all();
  }

  private static Binding binding(Readable row) {
    return new Binding(row.get("policy_id", UUID.class), row.get("stage", String.class), row.get("extension_id", UUID.class));
  }

  // ---- users

  public Mono<UserFacts> user(UUID id) {
    return database.sql("SELECT id, display_name, user_principal_name FROM directory_users WHERE id = :id").bind("id", id)
        .map(row -> new UserFacts(row.get("id", UUID.class), row.get("display_name", String.class),
            row.get("user_principal_name", String.class)))
        .one();
  }

  public Mono<Void> upsertUser(UserFacts user) {
    return database.sql("""
            INSERT INTO directory_users (id, display_name, user_principal_name) VALUES (:id, :name, :upn)
            ON CONFLICT (id) DO UPDATE SET display_name = EXCLUDED.display_name,
                user_principal_name = EXCLUDED.user_principal_name""")
        .bind("id", user.id()).bind("name", user.displayName()).bind("upn", user.userPrincipalName())
        .fetch().rowsUpdated().then();
  }

  public Mono<Void> deleteUser(UUID id) {
    return database.sql("DELETE FROM directory_users WHERE id = :id").bind("id", id).fetch().rowsUpdated().then();
  }

  // ---- requests

  public Mono<RequestFacts> request(UUID id) {
    return database.sql("SELECT id, requestor_id, target_id, request_type, state, status FROM assignment_requests WHERE id = :id")
        .bind("id", id)
        .map(row -> new RequestFacts(row.get("id", UUID.class), row.get("requestor_id", UUID.class),
            row.get("target_id", UUID.class), row.get("request_type", String.class), row.get("state", String.class),
            row.get("status", String.class)))
        .one();
  }

  public Mono<Void> upsertRequest(RequestFacts request) {
    return database.sql("""
            INSERT INTO assignment_requests (id, requestor_id, target_id, request_type, state, status)
            VALUES (:id, :requestor, :target, :type, :state, :status)
            ON CONFLICT (id) DO UPDATE SET requestor_id = EXCLUDED.requestor_id, target_id = EXCLUDED.target_id,
                request_type = EXCLUDED.request_type, state = EXCLUDED.state, status = EXCLUDED.status""")
        .bind("id", request.id()).bind("requestor", Parameter.fromOrEmpty(request.requestorId(), UUID.class))
        .bind("target", request.targetId()).bind("type", request.requestType()).bind("state", request.state())
        .bind("status", request.status())
        .fetch().rowsUpdated().then();
  }
}
