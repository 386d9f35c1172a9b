package org.quartermaster.extension.definitions.persistence;

import io.r2dbc.spi.Readable;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.quartermaster.extension.definitions.domain.ClientCredentials;
import org.quartermaster.extension.definitions.domain.CustomWorkflowExtension;
import org.quartermaster.extension.definitions.domain.ExtensionDefinition;
import org.quartermaster.extension.definitions.domain.ExtensionKind;
import org.quartermaster.platform.persistence.Timestamps;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** extensions: definitions as the client sent them (endpoint and authentication kept as JSON), and signing secrets. */
@Repository
public class ExtensionStore {

  private static final String COLUMNS = "id, catalog_id, kind, display_name, description, endpoint_configuration, "
      + "endpoint_url, authentication, timeout_ms, maximum_retries, duration_before_timeout, created_by, created_at, "
      + "modified_by, modified_at";
  private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() { };

  private final DatabaseClient database;
  private final JsonMapper json;

  public ExtensionStore(DatabaseClient database, JsonMapper json) {
    this.database = database;
    this.json = json;
  }

  public Mono<Void> insert(CustomWorkflowExtension extension, String signingSecret) {
    ExtensionDefinition definition = extension.definition();
    return database.sql("""
            INSERT INTO extensions (id, catalog_id, kind, display_name, description, endpoint_configuration, endpoint_url,
                authentication, timeout_ms, maximum_retries, duration_before_timeout, signing_secret, created_by,
                created_at, modified_by, modified_at)
            VALUES (:id, :catalog, :kind, :name, :description, :endpoint, :url, :authentication, :timeout, :retries,
                :callback, :secret, :createdBy, :createdAt, :modifiedBy, :modifiedAt)""")
        .bind("id", extension.id()).bind("catalog", extension.catalogId()).bind("kind", definition.kind().graphName())
        .bind("name", definition.displayName())
        .bind("description", Parameter.fromOrEmpty(definition.description(), String.class))
        .bind("endpoint", json.writeValueAsString(definition.endpointConfiguration()))
        .bind("url", Parameter.fromOrEmpty(definition.endpointUrl(), String.class))
        .bind("authentication", Parameter.fromOrEmpty(definition.authenticationConfiguration() == null ? null
            : json.writeValueAsString(definition.authenticationConfiguration()), String.class))
        .bind("timeout", definition.timeoutInMilliseconds()).bind("retries", definition.maximumRetries())
        .bind("callback", Parameter.fromOrEmpty(definition.callbackTimeout() == null ? null
            : definition.callbackTimeout().toString(), String.class))
        .bind("secret", signingSecret)
        .bind("createdBy", Parameter.fromOrEmpty(extension.createdBy(), String.class))
        .bind("createdAt", Timestamps.utc(extension.createdAt()))
        .bind("modifiedBy", Parameter.fromOrEmpty(extension.modifiedBy(), String.class))
        .bind("modifiedAt", Timestamps.utc(extension.modifiedAt()))
        .fetch().rowsUpdated().then();
  }

  public Mono<Void> replace(CustomWorkflowExtension extension) {
    ExtensionDefinition definition = extension.definition();
    return database.sql("""
            UPDATE extensions SET display_name = :name, description = :description, endpoint_configuration = :endpoint,
                endpoint_url = :url, authentication = :authentication, timeout_ms = :timeout, maximum_retries = :retries,
                duration_before_timeout = :callback, modified_by = :modifiedBy, modified_at = :modifiedAt
             WHERE id = :id""")
        .bind("id", extension.id())
        .bind("name", definition.displayName())
        .bind("description", Parameter.fromOrEmpty(definition.description(), String.class))
        .bind("endpoint", json.writeValueAsString(definition.endpointConfiguration()))
        .bind("url", Parameter.fromOrEmpty(definition.endpointUrl(), String.class))
        .bind("authentication", Parameter.fromOrEmpty(definition.authenticationConfiguration() == null ? null
            : json.writeValueAsString(definition.authenticationConfiguration()), String.class))
        .bind("timeout", definition.timeoutInMilliseconds()).bind("retries", definition.maximumRetries())
        .bind("callback", Parameter.fromOrEmpty(definition.callbackTimeout() == null ? null
            : definition.callbackTimeout().toString(), String.class))
        .bind("modifiedBy", Parameter.fromOrEmpty(extension.modifiedBy(), String.class))
        .bind("modifiedAt", Timestamps.utc(extension.modifiedAt()))
        .fetch().rowsUpdated().then();
  }

  public Mono<Void> rotateSecret(UUID id, String signingSecret, String actor, Instant now) {
    return database.sql("UPDATE extensions SET signing_secret = :secret, modified_by = :actor, modified_at = :now WHERE id = :id")
        .bind("id", id).bind("secret", signingSecret).bind("actor", Parameter.fromOrEmpty(actor, String.class))
        .bind("now", Timestamps.utc(now))
        .fetch().rowsUpdated().then();
  }

  public Mono<CustomWorkflowExtension> find(UUID id) {
    return database.sql("SELECT " + COLUMNS + " FROM extensions WHERE id = :id").bind("id", id).map(this::read).one();
  }

  /** Locks the extension for the rest of the transaction, so a PUT, DELETE or rotation runs one at a time. */
  public Mono<CustomWorkflowExtension> lock(UUID id) {
    return database.sql("SELECT " + COLUMNS + " FROM extensions WHERE id = :id FOR UPDATE").bind("id", id)
        .map(this::read).one();
  }

  public Flux<CustomWorkflowExtension> ofCatalog(UUID catalogId) {
    return database.sql("SELECT " + COLUMNS + " FROM extensions WHERE catalog_id = :catalog ORDER BY created_at, id")
        .bind("catalog", catalogId).map(this::read).all();
  }

  public Mono<String> signingSecret(UUID id) {
    return database.sql("SELECT signing_secret FROM extensions WHERE id = :id").bind("id", id)
        .map(row -> row.get("signing_secret", String.class)).one();
  }

  public Mono<Void> delete(UUID id) {
    return database.sql("DELETE FROM extensions WHERE id = :id").bind("id", id).fetch().rowsUpdated().then();
  }

  private CustomWorkflowExtension read(Readable row) {
    Map<String, Object> authentication = row.get("authentication", String.class) == null ? null
        : json.readValue(row.get("authentication", String.class), MAP);
    String callback = row.get("duration_before_timeout", String.class);
    ExtensionDefinition definition = new ExtensionDefinition(
        ExtensionKind.ofODataType(row.get("kind", String.class)),
        row.get("display_name", String.class), row.get("description", String.class),
        json.readValue(row.get("endpoint_configuration", String.class), MAP), row.get("endpoint_url", String.class),
        authentication, ClientCredentials.of(authentication), row.get("timeout_ms", Integer.class),
        row.get("maximum_retries", Integer.class), callback == null ? null : Duration.parse(callback));
    return new CustomWorkflowExtension(row.get("id", UUID.class), row.get("catalog_id", UUID.class), definition,
        row.get("created_by", String.class), Timestamps.read(row, "created_at"), row.get("modified_by", String.class),
        Timestamps.read(row, "modified_at"));
  }
}
