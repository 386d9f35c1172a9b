package org.quartermaster.testing;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.quartermaster.infra.Infrastructure;
import org.quartermaster.infra.PostgresCoordinates;
import org.quartermaster.infra.SharedInfrastructure;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A service started for a test on the JVM's shared Kafka and PostgreSQL, in its own namespace,
 * trusting tokens signed with a key file the test controls.
 */
public final class RunningService implements AutoCloseable {

  private static final Object STARTING = new Object();

  private final ConfigurableApplicationContext context;
  private final ServiceNamespace namespace;
  private final DevTokens tokens;

  private RunningService(ConfigurableApplicationContext context, ServiceNamespace namespace, DevTokens tokens) {
    this.context = context;
    this.namespace = namespace;
    this.tokens = tokens;
  }

  /**
   * @param serviceName the service's name, which also names its schema
   * @param extraArguments further {@code --key=value} settings
   */
  public static RunningService start(SpringApplicationBuilder application, String serviceName, ServiceNamespace namespace,
      DevTokens tokens, String... extraArguments) {
    Infrastructure infrastructure = SharedInfrastructure.get();
    PostgresCoordinates postgres = infrastructure.postgres();
    Map<String, String> settings = new LinkedHashMap<>();
    for (String argument : List.of(
        "--server.port=0",
        "--quartermaster.postgres.url=" + postgres.jdbcUrl(),
        "--quartermaster.postgres.user=" + postgres.username(),
        "--quartermaster.postgres.password=" + postgres.password(),
        "--quartermaster.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrapServers(),
        "--quartermaster.kafka.topic-prefix=" + namespace.topicPrefix(),
        "--quartermaster.service.schema=" + namespace.schema(serviceName),
        "--quartermaster.outbox.poll-interval=200ms",
        "--spring.security.oauth2.resourceserver.jwt.public-key-location=file:" + tokens.publicKeyPem(),
        "--spring.cloud.gateway.server.webflux.enabled=false",
        "--spring.cloud.compatibility-verifier.enabled=false")) {
      put(settings, argument);
    }
    // A repeated command-line property is joined, not replaced, so a caller's setting overrides by key.
    for (String argument : extraArguments) {
      put(settings, argument);
    }
    String[] arguments = settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    // Spring Boot sets up the JVM's one Logback for every application it starts; two starting at the same moment fail
    // with a ConcurrentModificationException. Tests that start services side by side therefore start them in turn.
    synchronized (STARTING) {
      return new RunningService(application.run(arguments), namespace, tokens);
    }
  }

  private static void put(Map<String, String> settings, String argument) {
    String setting = argument.startsWith("--") ? argument.substring(2) : argument;
    int equals = setting.indexOf('=');
    settings.put(equals < 0 ? setting : setting.substring(0, equals), equals < 0 ? "true" : setting.substring(equals + 1));
  }

  public int port() {
    return ((WebServerApplicationContext) context).getWebServer().getPort();
  }

  public String baseUrl() {
    return "http://localhost:" + port();
  }

  public ConfigurableApplicationContext context() {
    return context;
  }

  public ServiceNamespace namespace() {
    return namespace;
  }

  public DevTokens tokens() {
    return tokens;
  }

  public static Path keyFile(DevTokens tokens) {
    return tokens.keyFile();
  }

  @Override
  public void close() {
    context.close();
  }
}
