package org.quartermaster.platform.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The settings a service reads from {@code quartermaster.*}.
 *
 * @param service the service's own name and database schema
 * @param kafka topic naming and the producer's partitions
 * @param outbox how often the relay polls when no notification arrives
 * @param paging the default and maximum page sizes of Graph collections
 */
@ConfigurationProperties("quartermaster")
public record PlatformProperties(
    @DefaultValue Service service,
    @DefaultValue Kafka kafka,
    @DefaultValue Outbox outbox,
    @DefaultValue Paging paging) {

  /** @param name the service name, also the default database schema */
  public record Service(@DefaultValue("service") String name, String schema) {
    public String schemaOrDefault() {
      return schema == null || schema.isBlank() ? name.replace('-', '_') : schema;
    }
  }

  /**
   * @param topicPrefix prepended to every topic name; tests use it to isolate runs on one broker
   * @param partitions partitions of each topic the service creates
   * @param replicationFactor replicas of each topic it creates: 1 for the single devstack broker, 3 in production
   */
  public record Kafka(@DefaultValue("") String topicPrefix, @DefaultValue("3") int partitions,
      @DefaultValue("1") short replicationFactor) {
  }

  /**
   * @param pollInterval the backstop when a commit notification is missed
   * @param haltBeforePublishing fault injection for the crash test only: the process halts when it has committed events to publish
   */
  public record Outbox(@DefaultValue("1s") Duration pollInterval, @DefaultValue("500") int batchSize,
      @DefaultValue("false") boolean haltBeforePublishing) {
  }

  /** @param defaultPageSize used when a client sends no $top */
  public record Paging(@DefaultValue("100") int defaultPageSize) {
  }
}
