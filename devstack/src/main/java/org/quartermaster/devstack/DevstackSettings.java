package org.quartermaster.devstack;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * How to run the devstack.
 *
 * @param port the gateway's port, the one address clients use; 0 picks a free one
 * @param dataDirectory where Kafka, PostgreSQL and the dev signing key keep their data; empty for a throwaway stack
 * @param reset wipe the data directory first
 * @param namespace prefixes topics and database schemas, so several stacks can share one Kafka and PostgreSQL (tests)
 * @param administrator the userPrincipalName seeded with full entitlement-management rights
 * @param serviceArguments extra {@code --key=value} settings given to every service
 */
public record DevstackSettings(int port, Optional<Path> dataDirectory, boolean reset, String namespace,
    String administrator, List<String> serviceArguments) {

  public static final String DEFAULT_ADMINISTRATOR = "admin@contoso.com";

  public DevstackSettings {
    serviceArguments = List.copyOf(serviceArguments);
  }

  public static DevstackSettings defaults() {
    return new DevstackSettings(8080, Optional.of(Path.of(".devstack")), false, "", DEFAULT_ADMINISTRATOR, List.of());
  }

  /** A throwaway stack on free ports, isolated by namespace: what the end-to-end tests run. */
  public static DevstackSettings forTests(String namespace) {
    return new DevstackSettings(0, Optional.empty(), false, namespace, DEFAULT_ADMINISTRATOR, List.of());
  }

  public DevstackSettings withPort(int newPort) {
    return new DevstackSettings(newPort, dataDirectory, reset, namespace, administrator, serviceArguments);
  }

  public DevstackSettings withDataDirectory(Optional<Path> directory) {
    return new DevstackSettings(port, directory, reset, namespace, administrator, serviceArguments);
  }

  public DevstackSettings withReset(boolean newReset) {
    return new DevstackSettings(port, dataDirectory, newReset, namespace, administrator, serviceArguments);
  }

  public DevstackSettings withServiceArguments(List<String> arguments) {
    return new DevstackSettings(port, dataDirectory, reset, namespace, administrator, arguments);
  }
}
