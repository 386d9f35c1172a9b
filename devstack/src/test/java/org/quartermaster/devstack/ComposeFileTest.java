package org.quartermaster.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Keeps {@code compose.yaml} in step with the code: every service module has a container wired to Kafka,
 * PostgreSQL and the token issuer, the gateway knows every service's address, and start-up order waits for health.
 *
 * <p>A service module is a top-level directory whose {@code src/main/java} has a class annotated with both
 * {@code @SpringBootApplication} and {@code @EnablePlatform}. That annotation is what makes an application a
 * Quartermaster service at run time (see {@code PlatformEnvironment}), so a new service is found here the moment it
 * can run, whether or not someone remembered its Dockerfile or its compose entry. The gateway, the devstack and the
 * test modules do not carry it.
 */
class ComposeFileTest {

  private static final Pattern ENABLE_PLATFORM = Pattern.compile("(?m)^\\s*@EnablePlatform\\s*$");
  private static final Pattern SPRING_BOOT_APPLICATION = Pattern.compile("(?m)^\\s*@SpringBootApplication\\b");
  private static final Pattern PLACEHOLDER = Pattern.compile("^\\$\\{([A-Za-z0-9_]+)(:.*)?}$");

  private static final String GATEWAY = "api-gateway";
  private static final String KAFKA = "kafka";
  private static final String POSTGRES = "postgres";

  private static Path root;
  private static JsonNode services;
  private static List<String> serviceModules;

  @BeforeAll
  static void readComposeFile() {
    root = repositoryRoot();
    Path compose = root.resolve("compose.yaml");
    assertThat(compose).as("compose file at the repository root").isRegularFile();
    services = new YAMLMapper().readTree(compose.toFile()).path("services");
    assertThat(services.isObject()).as("compose.yaml has a 'services' map").isTrue();
    serviceModules = serviceModules(root);
  }

  @Test
  void discoversTheServiceModules() {
    // Guards the discovery itself: if it found nothing, every other check would pass vacuously.
    assertThat(serviceModules).contains("directory-service").doesNotContain(GATEWAY, "devstack", "platform");
  }

  @Test
  void everyServiceModuleHasAnEntryBuiltFromItsOwnDockerfile() {
    for (String module : serviceModules) {
      JsonNode service = services.path(module);
      assertThat(service.isObject()).as("compose.yaml has a service named '%s' for the module %s", module, module)
          .isTrue();
      assertThat(dockerfileOf(module, service)).as("%s is built from %s/Dockerfile", module, module)
          .isEqualTo(root.resolve(module).resolve("Dockerfile").normalize());
    }
  }

  @Test
  void everyServiceIsWiredToKafkaPostgresAndTheIssuer() {
    for (String module : serviceModules) {
      Map<String, String> env = environment(module);
      assertThat(env.get("QUARTERMASTER_POSTGRES_URL")).as("%s: QUARTERMASTER_POSTGRES_URL", module)
          .startsWith("jdbc:postgresql://" + POSTGRES + ":");
      assertThat(env.get("QUARTERMASTER_POSTGRES_USER")).as("%s: QUARTERMASTER_POSTGRES_USER", module).isNotBlank();
      assertThat(env.get("QUARTERMASTER_POSTGRES_PASSWORD")).as("%s: QUARTERMASTER_POSTGRES_PASSWORD", module)
          .isNotBlank();
      assertThat(env.get("QUARTERMASTER_KAFKA_BOOTSTRAP_SERVERS")).as("%s: QUARTERMASTER_KAFKA_BOOTSTRAP_SERVERS", module)
          .startsWith(KAFKA + ":");
      assertThat(env.get("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWK_SET_URI"))
          .as("%s: SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWK_SET_URI", module)
          .startsWith("http");
      assertThat(env.get("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI"))
          .as("%s: SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI", module)
          .isNotBlank();
      assertThat(dependencies(module)).as("%s waits for Kafka and PostgreSQL", module).contains(KAFKA, POSTGRES);
    }
  }

  @Test
  void everyServiceTrustsTheOneIssuerThatSignsTheTokens() {
    Set<String> issuers = new LinkedHashSet<>();
    Set<String> keySets = new LinkedHashSet<>();
    for (String module : serviceModules) {
      Map<String, String> env = environment(module);
      issuers.add(env.get("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI"));
      keySets.add(env.get("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWK_SET_URI"));
      if ("true".equalsIgnoreCase(env.get("QUARTERMASTER_DEV_IDENTITY_ENABLED"))) {
        // The dev issuer writes this into "iss"; a token whose "iss" differs from issuer-uri is rejected.
        assertThat(env.get("QUARTERMASTER_DEV_IDENTITY_ISSUER")).as("%s: dev issuer = issuer URI", module)
            .isEqualTo(env.get("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI"));
        assertThat(URI.create(env.get("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWK_SET_URI")).getHost())
            .as("%s: the dev issuer's own JWKS", module).isEqualTo(module);
      }
    }
    assertThat(issuers).as("issuer URIs across services").hasSize(1);
    assertThat(keySets).as("JWK set URIs across services").hasSize(1);
  }

  @Test
  void theGatewayHasTheAddressOfEveryService() {
    JsonNode gateway = services.path(GATEWAY);
    assertThat(gateway.isObject()).as("compose.yaml has a service named '%s'", GATEWAY).isTrue();
    assertThat(dockerfileOf(GATEWAY, gateway)).as("%s is built from %s/Dockerfile", GATEWAY, GATEWAY)
        .isEqualTo(root.resolve(GATEWAY).resolve("Dockerfile").normalize());
    Map<String, String> variables = gatewayAddressVariables();
    Map<String, String> env = environment(GATEWAY);
    for (String module : serviceModules) {
      assertThat(variables).as("api-gateway.yml names an environment variable for quartermaster.gateway.services.%s",
          module).containsKey(module);
      String variable = variables.get(module);
      assertThat(env).as("the gateway's environment sets %s", variable).containsKey(variable);
      URI address = URI.create(env.get(variable));
      assertThat(address.getHost()).as("%s points at the compose service %s", variable, module).isEqualTo(module);
    }
  }

  @Test
  void kafkaAndPostgresHaveHealthchecks() {
    for (String name : List.of(KAFKA, POSTGRES)) {
      assertThat(services.path(name).isObject()).as("compose.yaml has a service named '%s'", name).isTrue();
      assertThat(hasHealthcheck(name)).as("%s has a healthcheck", name).isTrue();
    }
    assertThat(services.path(KAFKA).path("image").asString("")).startsWith("apache/kafka:");
    assertThat(services.path(POSTGRES).path("image").asString("")).startsWith("postgres:");
  }

  @Test
  void everyDependencyWaitsForAHealthyService() {
    for (Map.Entry<String, JsonNode> service : services.properties()) {
      JsonNode dependsOn = service.getValue().path("depends_on");
      if (dependsOn.isMissingNode()) {
        continue;
      }
      assertThat(dependsOn.isObject())
          .as("%s: depends_on is a map with a condition per service, not a list", service.getKey()).isTrue();
      for (Map.Entry<String, JsonNode> dependency : dependsOn.properties()) {
        assertThat(dependency.getValue().path("condition").asString(""))
            .as("%s depends on %s", service.getKey(), dependency.getKey()).isEqualTo("service_healthy");
        assertThat(hasHealthcheck(dependency.getKey()))
            .as("%s, which %s waits for, has a healthcheck", dependency.getKey(), service.getKey()).isTrue();
      }
    }
  }

  @Test
  void everyReferencedDockerfileExists() {
    for (Map.Entry<String, JsonNode> service : services.properties()) {
      if (service.getValue().has("build")) {
        assertThat(dockerfileOf(service.getKey(), service.getValue())).as("Dockerfile of %s", service.getKey())
            .isRegularFile();
      }
    }
  }

  /** Maven runs tests in the module directory; an IDE may run them from the repository root. */
  private static Path repositoryRoot() {
    Path workingDirectory = Path.of("").toAbsolutePath();
    Path candidate = Files.isDirectory(workingDirectory.resolve("devstack")) ? workingDirectory : workingDirectory.getParent();
    assertThat(candidate.resolve("pom.xml")).as("repository root %s", candidate).isRegularFile();
    return candidate;
  }

  private static List<String> serviceModules(Path root) {
    try (Stream<Path> modules = Files.list(root)) {
      return modules
          .filter(Files::isDirectory)
          .filter(module -> Files.isRegularFile(module.resolve("pom.xml")))
          .filter(ComposeFileTest::hasPlatformApplication)
          .map(module -> module.getFileName().toString())
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean hasPlatformApplication(Path module) {
    Path sources = module.resolve("src/main/java");
    if (!Files.isDirectory(sources)) {
      return false;
    }
    try (Stream<Path> files = Files.walk(sources)) {
      return files.filter(file -> file.toString().endsWith(".java")).anyMatch(file -> {
        String source = read(file);
        return ENABLE_PLATFORM.matcher(source).find() && SPRING_BOOT_APPLICATION.matcher(source).find();
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code quartermaster.gateway.services.<name>: ${VARIABLE:default}} in the gateway's own configuration file. */
  private static Map<String, String> gatewayAddressVariables() {
    Path file = root.resolve(GATEWAY).resolve("src/main/resources").resolve(GATEWAY + ".yml");
    JsonNode addresses = new YAMLMapper().readTree(file.toFile()).path("quartermaster").path("gateway").path("services");
    Map<String, String> variables = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> address : addresses.properties()) {
      Matcher placeholder = PLACEHOLDER.matcher(address.getValue().asString(""));
      if (placeholder.matches()) {
        variables.put(address.getKey(), placeholder.group(1));
      }
    }
    return variables;
  }

  /** Accepts both compose forms: a map, or a list of {@code NAME=value}. */
  private static Map<String, String> environment(String service) {
    JsonNode environment = services.path(service).path("environment");
    Map<String, String> variables = new LinkedHashMap<>();
    if (environment.isObject()) {
      for (Map.Entry<String, JsonNode> variable : environment.properties()) {
        variables.put(variable.getKey(), variable.getValue().isNull() ? null : variable.getValue().asString());
      }
    } else if (environment.isArray()) {
      for (JsonNode entry : environment.values()) {
        String text = entry.asString();
        int equals = text.indexOf('=');
        variables.put(equals < 0 ? text : text.substring(0, equals), equals < 0 ? null : text.substring(equals + 1));
      }
    }
    return variables;
  }

  private static List<String> dependencies(String service) {
    JsonNode dependsOn = services.path(service).path("depends_on");
    List<String> names = new ArrayList<>();
    if (dependsOn.isObject()) {
      names.addAll(dependsOn.propertyNames());
    } else if (dependsOn.isArray()) {
      dependsOn.values().forEach(name -> names.add(name.asString()));
    }
    return names;
  }

  private static boolean hasHealthcheck(String service) {
    JsonNode healthcheck = services.path(service).path("healthcheck");
    if (!healthcheck.isObject() || healthcheck.path("disable").asBoolean(false)) {
      return false;
    }
    JsonNode test = healthcheck.path("test");
    return test.isArray() ? test.size() > 1 && !"NONE".equals(test.get(0).asString()) : !test.asString("").isBlank();
  }

  /** {@code build: dir} or {@code build: {context: dir, dockerfile: file}}, relative to the compose file. */
  private static Path dockerfileOf(String service, JsonNode definition) {
    JsonNode build = definition.path("build");
    assertThat(build.isMissingNode()).as("%s is built from a Dockerfile ('build:')", service).isFalse();
    String context = build.isObject() ? build.path("context").asString(".") : build.asString();
    String dockerfile = build.isObject() ? build.path("dockerfile").asString("Dockerfile") : "Dockerfile";
    return root.resolve(context).resolve(dockerfile).normalize();
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
