package org.quartermaster.devstack;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.quartermaster.catalog.CatalogServiceApplication;
import org.quartermaster.directory.DirectoryServiceApplication;
import org.quartermaster.extension.ExtensionGatewayApplication;
import org.quartermaster.gateway.ApiGatewayApplication;
import org.quartermaster.infra.Infrastructure;
import org.quartermaster.infra.InfrastructureLauncher;
import org.quartermaster.infra.InfrastructureSettings;
import org.quartermaster.infra.PostgresCoordinates;
import org.quartermaster.policy.PolicyServiceApplication;
import org.quartermaster.provisioning.ProvisioningServiceApplication;
import org.quartermaster.request.RequestServiceApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole system in one JVM: real Kafka and PostgreSQL, every service in its own Spring context
 * and port, and the gateway in front. One JVM instead of one per service keeps a laptop's stack
 * small and quick to start; the services still share nothing but Kafka and PostgreSQL.
 */
public final class Devstack implements AutoCloseable {

  /** The services, in the order they are listed; they start side by side. */
  private static final List<HostedService> LINEUP = List.of(
      new HostedService(DirectoryServiceApplication.NAME, DirectoryServiceApplication::application),
      new HostedService(CatalogServiceApplication.NAME, CatalogServiceApplication::application),
      new HostedService(PolicyServiceApplication.NAME, PolicyServiceApplication::application),
      new HostedService(RequestServiceApplication.NAME, RequestServiceApplication::application),
      new HostedService(ProvisioningServiceApplication.NAME, ProvisioningServiceApplication::application),
      new HostedService(ExtensionGatewayApplication.NAME, ExtensionGatewayApplication::application));

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
      return startOn(infrastructure, true, settings, ports, gateway, null, started);
    } catch (RuntimeException e) {
      infrastructure.close();
      throw e;
    }
  }

  /** Starts the system on infrastructure someone else owns and closes, e.g. the one a test JVM shares. */
  public static Devstack startOn(Infrastructure infrastructure, DevstackSettings settings) {
    return startOn(infrastructure, settings, null);
  }

  /**
   * As {@link #startOn(Infrastructure, DevstackSettings)}, with every service reading time from the given clock, so a
   * test can move time (expiry, escalation) instead of waiting for it.
   */
  public static Devstack startOn(Infrastructure infrastructure, DevstackSettings settings, Clock clock) {
    Ports ports = Ports.pick(settings);
    CompletableFuture<ConfigurableApplicationContext> gateway = CompletableFuture.supplyAsync(() -> startGateway(ports));
    return startOn(infrastructure, false, settings, ports, gateway, clock, System.nanoTime());
  }

  private static Devstack startOn(Infrastructure infrastructure, boolean owns, DevstackSettings settings, Ports ports,
      CompletableFuture<ConfigurableApplicationContext> gateway, Clock clock, long started) {
    Map<String, CompletableFuture<ConfigurableApplicationContext>> starting = new LinkedHashMap<>();
    String clientSecret = UUID.randomUUID().toString();
    for (HostedService service : LINEUP) {
      List<String> arguments = serviceArguments(infrastructure, settings, service.name(), ports);
      arguments.addAll(specificArguments(service.name(), settings, ports, clientSecret));
      starting.put(service.name(), CompletableFuture.supplyAsync(() -> run(withClock(service.application().get(), clock), arguments)));
    }
    List<ConfigurableApplicationContext> contexts = new ArrayList<>();
    try {
      for (CompletableFuture<ConfigurableApplicationContext> service : starting.values()) {
        contexts.add(service.join());
      }
      contexts.add(gateway.join());
    } catch (RuntimeException e) {
      starting.values().forEach(service -> service.thenAccept(ConfigurableApplicationContext::close));
      gateway.thenAccept(ConfigurableApplicationContext::close);
      throw e;
    }
    return new Devstack(infrastructure, owns, contexts, ports.gateway(), Duration.ofNanos(System.nanoTime() - started));
  }

  /** What one service needs beyond the common settings. */
  private static List<String> specificArguments(String service, DevstackSettings settings, Ports ports, String clientSecret) {
    List<String> arguments = new ArrayList<>();
    if (service.equals(DirectoryServiceApplication.NAME)) {
      arguments.add("--quartermaster.dev-identity.enabled=true");
      arguments.add("--quartermaster.dev-identity.issuer=" + issuer(ports));
      settings.dataDirectory().ifPresent(data ->
          arguments.add("--quartermaster.dev-identity.key-file=" + data.toAbsolutePath().resolve("dev-signing-key.json")));
      arguments.add("--quartermaster.dev-identity.clients.provisioning-service.secret=" + clientSecret);
      arguments.add("--quartermaster.directory.seed-administrator=" + settings.administrator());
    }
    if (service.equals(ProvisioningServiceApplication.NAME)) {
      arguments.add("--quartermaster.provisioning.directory.base-url=http://localhost:" + ports.of(DirectoryServiceApplication.NAME));
      arguments.add("--spring.security.oauth2.client.registration.directory.client-secret=" + clientSecret);
    }
    if (service.equals(ExtensionGatewayApplication.NAME)) {
      // A laptop's extension endpoints (the ticketing example, a local webhook) run on localhost.
      arguments.add("--quartermaster.extension.outbound.allow-private-networks=true");
    }
    return arguments;
  }

  private static String issuer(Ports ports) {
    return "http://localhost:" + ports.gateway() + "/dev";
  }

  private static SpringApplicationBuilder withClock(SpringApplicationBuilder application, Clock clock) {
    if (clock == null) {
      return application;
    }
    // Registered before the platform's ClockConfiguration runs, which then backs off.
    return application.initializers(context -> context.getBeanFactory().registerSingleton("clock", clock));
  }

  private static ConfigurableApplicationContext startGateway(Ports ports) {
    List<String> arguments = new ArrayList<>(List.of(
        "--server.port=" + ports.gateway(),
        // Every context in this JVM shares one Logback; each must set the same levels or the last one wins.
        "--logging.level.root=WARN",
        "--logging.level.org.quartermaster=INFO"));
    for (HostedService service : LINEUP) {
      arguments.add("--quartermaster.gateway.services." + service.name() + "=http://localhost:" + ports.of(service.name()));
    }
    return run(ApiGatewayApplication.application(), arguments);
  }

  /** Every port is chosen before anything starts, so each part is told the others' addresses up front. */
  private record Ports(int gateway, Map<String, Integer> services) {
    static Ports pick(DevstackSettings settings) {
      Map<String, Integer> services = new LinkedHashMap<>();
      LINEUP.forEach(service -> services.put(service.name(), FreePorts.pick(0)));
      return new Ports(FreePorts.pick(settings.port()), services);
    }

    int of(String service) {
      return services.get(service);
    }
  }

  /** One service of the system and how to build its application. */
  private record HostedService(String name, Supplier<SpringApplicationBuilder> application) {
  }

  private static List<String> serviceArguments(Infrastructure infrastructure, DevstackSettings settings, String service,
      Ports ports) {
    PostgresCoordinates postgres = infrastructure.postgres();
    List<String> arguments = new ArrayList<>(List.of(
        "--server.port=" + ports.of(service),
        "--quartermaster.postgres.url=" + postgres.jdbcUrl(),
        "--quartermaster.postgres.user=" + postgres.username(),
        "--quartermaster.postgres.password=" + postgres.password(),
        "--quartermaster.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrapServers(),
        "--quartermaster.service.schema=" + schema(settings.namespace(), service),
        // Every service trusts the directory's dev issuer; keys are fetched on the first token, so all start at once.
        "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://localhost:" + ports.of(DirectoryServiceApplication.NAME)
            + "/dev/jwks.json",
        "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + issuer(ports),
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
    return application.listeners(SerialLoggingSetup.before(), SerialLoggingSetup.after())
        .run(arguments.toArray(String[]::new));
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

  /** The application context of one service, for tests that need to reach behind the API. */
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
