package org.quartermaster.request;

import org.quartermaster.platform.EnablePlatform;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Assignment requests: who asked for which access package, whether the policy allows it, and how delivery went. */
@SpringBootApplication
@EnablePlatform
@ConfigurationPropertiesScan
public class RequestServiceApplication {

  public static final String NAME = "request-service";

  public static void main(String[] args) {
    application().run(args);
  }

  /** Each service reads its own file, {@code request-service.yml}, since several share one JVM in the devstack. */
  public static SpringApplicationBuilder application() {
    return new SpringApplicationBuilder(RequestServiceApplication.class)
        .properties("spring.config.name=" + NAME);
  }
}
