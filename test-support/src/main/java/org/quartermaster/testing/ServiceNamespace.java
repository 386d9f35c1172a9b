package org.quartermaster.testing;

import java.util.UUID;

/**
 * A unique prefix for one test's topics and schemas, so tests share one broker and one database
 * server per JVM without seeing each other's data.
 */
public record ServiceNamespace(String value) {

  public static ServiceNamespace random(String purpose) {
    return new ServiceNamespace((purpose + "_" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase());
  }

  public String schema(String service) {
    return value + "_" + service.replace('-', '_');
  }

  public String topicPrefix() {
    return value;
  }
}
