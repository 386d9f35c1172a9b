package org.quartermaster.devstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.quartermaster.catalog.CatalogServiceApplication;
import org.quartermaster.directory.DirectoryServiceApplication;
import org.quartermaster.gateway.ApiGatewayApplication;
import org.quartermaster.infra.Infrastructure;
import org.quartermaster.infra.InfrastructureLauncher;
import org.quartermaster.infra.InfrastructureSettings;
import org.quartermaster.infra.PostgresCoordinates;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole system in one JVM: real Kafka and PostgreSQL, every service in its own Spring context
 * and port, and the gateway in front. One JVM instead of one per service keeps a laptop's stack
 * near 0.5 GB and its start near 5 s; the services still share nothing but Kafka and PostgreSQL.
 */
public final class Devstack implements AutoCloseable {

  private final Infrastructure infrastructure;
  private final boolean ownsInfrastructure;
  private final List<ConfigurableApplicationContext> contexts;
  private final int port;
  private final Duration startup;

  private Devstack(Infrastructure infrastructure, boolean ownsInfrastructure, List<ConfigurableApplicationContext> contexts,
      int port, Duration startup) {
    this.infrastructure = infrastructure;
    this.ownsInfrastructure = ownsInfrastructure;
    this.contexts = contexts;
    this.port = port;
    this.startup = startup;
  }

  /**
   * Starts infrastructure as configured (external, Testcontainers or embedded), then the system on
   * it. The gateway needs neither Kafka nor PostgreSQL, so it starts alongside them.
   */
  public static Devstack start(DevstackSettings settings) {
    long started = System.nanoTime();
    InfrastructureSettings infra = InfrastructureSettings.fromEnvironment().withReset(settings.reset());
    InfrastructureSettings chosen = settings.dataDirectory().map(Path::toAbsolutePath).map(infra::withDataDirectory)
        .orElse(infra.withTemporaryData());
    Ports ports = Ports.pick(settings);
    CompletableFuture<ConfigurableApplicationContext> gateway = CompletableFuture.supplyAsync(() -> startGateway(ports));
    Infrastructure infrastructure;
    try {
      infrastructure = InfrastructureLauncher.start(chosen);
    } catch (RuntimeException e) {
      gateway.thenAccept(ConfigurableApplicationContext::close);
      throw e;
    }
    try {
      return startOn(infrastructure, true, settings, ports, gateway, started);
    } catch (RuntimeException e) {
      infrastructure.close();
      throw e;
    }
  }

  /** Starts the system on infrastructure someone else owns and closes, e.g. the one a test JVM shares. */
  public static Devstack startOn(Infrastructure infrastructure, DevstackSettings settings) {
    Ports ports = Ports.pick(settings);
    CompletableFuture<ConfigurableApplicationContext> gateway = CompletableFuture.supplyAsync(() -> startGateway(ports));
    return startOn(infrastructure, false, settings, ports, gateway, System.nanoTime());
  }

  private static Devstack startOn(Infrastructure infrastructure, boolean owns, DevstackSettings settings, Ports ports,
      CompletableFuture<ConfigurableApplicationContext> gateway, long started) {
    String baseUrl = "http://localhost:" + ports.gateway();
    String jwks = "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://localhost:" + ports.directory() + "/dev/jwks.json";
    String issuer = "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + baseUrl + "/dev";
    List<ConfigurableApplicationContext> contexts = new ArrayList<>();
    // The catalog trusts the directory's dev issuer; it fetches the keys on its first token, so both start at once.
    List<String> catalogArguments = serviceArguments(infrastructure, settings, CatalogServiceApplication.NAME, ports.catalog());
    catalogArguments.add(jwks);
    catalogArguments.add(issuer);
    CompletableFuture<ConfigurableApplicationContext> catalog =
        CompletableFuture.supplyAsync(() -> run(CatalogServiceApplication.application(), catalogArguments));
    try {
      List<String> directory = serviceArguments(infrastructure, settings, DirectoryServiceApplication.NAME, ports.directory());
      directory.add(jwks);
      directory.add(issuer);
      directory.add("--quartermaster.dev-identity.enabled=true");
      directory.add("--quartermaster.dev-identity.issuer=" + baseUrl + "/dev");
      settings.dataDirectory().ifPresent(data ->
          directory.add("--quartermaster.dev-identity.key-file=" + data.toAbsolutePath().resolve("dev-signing-key.json")));
      directory.add("--quartermaster.directory.seed-administrator=" + settings.administrator());
      contexts.add(run(DirectoryServiceApplication.application(), directory));
      contexts.add(catalog.join());
      contexts.add(gateway.join());
    } catch (RuntimeException e) {
      catalog.thenAccept(ConfigurableApplicationContext::close);
      gateway.thenAccept(ConfigurableApplicationContext::close);
      closeAll(contexts);
      throw e;
    }
    return new Devstack(infrastructure, owns, contexts, ports.gateway(), Duration.ofNanos(System.nanoTime() - started));
  }

  private static ConfigurableApplicationContext startGateway(Ports ports) {
    return run(ApiGatewayApplication.application(), List.of(
        "--server.port=" + ports.gateway(),
        "--quartermaster.gateway.services.directory-service=http://localhost:" + ports.directory(),
        "--quartermaster.gateway.services.catalog-service=http://localhost:" + ports.catalog(),
        // Every context in this JVM shares one Logback; each must set the same levels or the last one wins.
        "--logging.level.root=WARN",
        "--logging.level.org.quartermaster=INFO"));
  }

  /** Every port is chosen before anything starts, so each part is told the others' addresses up front. */
  private record Ports(int gateway, int directory, int catalog) {
    static Ports pick(DevstackSettings settings) {
      return new Ports(FreePorts.pick(settings.port()), FreePorts.pick(0), FreePorts.pick(0));
    }
  }

  private static List<String> serviceArguments(Infrastructure infrastructure, DevstackSettings settings, String service, int port) {
    PostgresCoordinates postgres = infrastructure.postgres();
    List<String> arguments = new ArrayList<>(List.of(
        "--server.port=" + port,
        "--quartermaster.postgres.url=" + postgres.jdbcUrl(),
        "--quartermaster.postgres.user=" + postgres.username(),
        "--quartermaster.postgres.password=" + postgres.password(),
        "--quartermaster.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrapServers(),
        "--quartermaster.service.schema=" + schema(settings.namespace(), service),
        // The gateway's libraries share this JVM's classpath; only the gateway context may use them.
        "--spring.cloud.gateway.server.webflux.enabled=false",
        "--spring.cloud.compatibility-verifier.enabled=false",
        "--logging.level.root=WARN",
        "--logging.level.org.quartermaster=INFO"));
    if (!settings.namespace().isEmpty()) {
      arguments.add("--quartermaster.kafka.topic-prefix=" + settings.namespace());
    }
    arguments.addAll(settings.serviceArguments());
    return arguments;
  }

  static String schema(String namespace, String service) {
    String base = service.replace('-', '_');
    return namespace.isEmpty() ? base : namespace.replaceAll("[^A-Za-z0-9]", "_").toLowerCase() + "_" + base;
  }

  private static ConfigurableApplicationContext run(SpringApplicationBuilder application, List<String> arguments) {
    return application.run(arguments.toArray(String[]::new));
  }

  public String baseUrl() {
    return "http://localhost:" + port;
  }

  public int port() {
    return port;
  }

  public Duration startup() {
    return startup;
  }

  public Infrastructure infrastructure() {
    return infrastructure;
  }

  /** The application context of one service, for tests that need to reach behind the API (e.g. a clock). */
  public ConfigurableApplicationContext context(Class<?> applicationClass) {
    return contexts.stream()
        .filter(context -> context.getBeanNamesForType(applicationClass).length > 0)
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException(applicationClass + " is not part of this devstack"));
  }

  /** Services stop before the infrastructure: a listener whose broker vanished blocks shutdown for 30 s. */
  @Override
  public void close() {
    closeAll(contexts);
    if (ownsInfrastructure) {
      infrastructure.close();
    }
  }

  private static void closeAll(List<ConfigurableApplicationContext> contexts) {
    for (int i = contexts.size() - 1; i >= 0; i--) {
      contexts.get(i).close();
    }
  }
}
