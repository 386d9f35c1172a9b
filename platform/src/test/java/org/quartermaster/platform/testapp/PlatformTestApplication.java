package org.quartermaster.platform.testapp;

import java.util.Map;
import org.quartermaster.platform.EnablePlatform;
import org.quartermaster.testing.DevTokens;
import org.quartermaster.testing.RunningService;
import org.quartermaster.testing.ServiceNamespace;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.MapPropertySource;

/** The smallest service on the platform: it appends events through the outbox and keeps a ledger of the users it consumes. */
@SpringBootApplication
@EnablePlatform
public class PlatformTestApplication {

  public static final String NAME = "platform-test";

  /** Reads {@code platform-test.yml}, as each real service reads its own file. */
  public static SpringApplicationBuilder application() {
    return new SpringApplicationBuilder(PlatformTestApplication.class)
        .properties("spring.config.name=" + NAME);
  }

  public static RunningService start(ServiceNamespace namespace) {
    return RunningService.start(application(), NAME, namespace, DevTokens.create());
  }

  /**
   * Starts the service with settings that win over everything, including the ones RunningService
   * passes: a repeated command-line argument would be joined to "first,second" instead of replacing it.
   */
  public static RunningService start(ServiceNamespace namespace, Map<String, Object> overrides) {
    ApplicationListener<ApplicationEnvironmentPreparedEvent> override = event -> event.getEnvironment()
        .getPropertySources().addFirst(new MapPropertySource("platformTestOverrides", overrides));
    return RunningService.start(application().listeners(override), NAME, namespace, DevTokens.create());
  }
}
