package org.quartermaster.platform.config;

import java.util.LinkedHashMap;
import java.util.Map;
import org.quartermaster.platform.EnablePlatform;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Derives the Spring settings of a service from the few {@code quartermaster.*} ones an operator
 * gives: one PostgreSQL URL and one Kafka address serve every service, each in its own schema.
 *
 * <p>It only touches applications annotated with {@link EnablePlatform}, because the devstack
 * runs the gateway in the same JVM.
 */
public class PlatformEnvironment implements EnvironmentPostProcessor, Ordered {

  static final String DERIVED = "quartermasterDerived";
  static final String DEFAULTS = "quartermasterPlatformDefaults";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    boolean isService = application.getAllSources().stream()
        .filter(Class.class::isInstance)
        .map(Class.class::cast)
        .anyMatch(source -> AnnotatedElementUtils.hasAnnotation(source, EnablePlatform.class));
    if (!isService) {
      return;
    }
    environment.getPropertySources().addLast(defaults());
    environment.getPropertySources().addBefore(DEFAULTS, new MapPropertySource(DERIVED, derived(environment)));
  }

  private static Map<String, Object> derived(ConfigurableEnvironment environment) {
    Map<String, Object> derived = new LinkedHashMap<>();
    String serviceName = environment.getProperty("quartermaster.service.name", "service");
    String schema = environment.getProperty("quartermaster.service.schema", serviceName.replace('-', '_'));
    derived.put("spring.flyway.schemas", schema);
    derived.put("spring.flyway.default-schema", schema);
    derived.put("spring.flyway.locations", "classpath:db/platform,classpath:db/migration/" + serviceName);
    String jdbcUrl = environment.getProperty("quartermaster.postgres.url");
    if (jdbcUrl != null) {
      String user = environment.getProperty("quartermaster.postgres.user", "postgres");
      String password = environment.getProperty("quartermaster.postgres.password", "postgres");
      derived.put("spring.flyway.url", jdbcUrl);
      derived.put("spring.flyway.user", user);
      derived.put("spring.flyway.password", password);
      derived.put("spring.r2dbc.url", r2dbcUrl(jdbcUrl, schema));
      derived.put("spring.r2dbc.username", user);
      derived.put("spring.r2dbc.password", password);
    }
    String bootstrap = environment.getProperty("quartermaster.kafka.bootstrap-servers");
    if (bootstrap != null) {
      derived.put("spring.kafka.bootstrap-servers", bootstrap);
    }
    return derived;
  }

  static String r2dbcUrl(String jdbcUrl, String schema) {
    if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException("quartermaster.postgres.url must be a jdbc:postgresql: URL, got " + jdbcUrl);
    }
    String r2dbc = "r2dbc:postgresql:" + jdbcUrl.substring("jdbc:postgresql:".length());
    return r2dbc + (r2dbc.contains("?") ? "&" : "?") + "schema=" + schema;
  }

  private static PropertySource<?> defaults() {
    try {
      var loaded = new YamlPropertySourceLoader().load(DEFAULTS, new ClassPathResource("quartermaster-platform-defaults.yml"));
      return loaded.get(0);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("quartermaster-platform-defaults.yml is unreadable", e);
    }
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
