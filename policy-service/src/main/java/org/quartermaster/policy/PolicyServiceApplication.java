package org.quartermaster.policy;

import org.quartermaster.platform.EnablePlatform;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** Assignment policies of access packages: who may request them, how long assignments last, what requestors answer. */
@SpringBootApplication
@EnablePlatform
public class PolicyServiceApplication {

  public static final String NAME = "policy-service";

  public static void main(String[] args) {
    application().run(args);
  }

  /** Each service reads its own file, {@code policy-service.yml}, since several share one JVM in the devstack. */
  public static SpringApplicationBuilder application() {
    return new SpringApplicationBuilder(PolicyServiceApplication.class)
        .properties("spring.config.name=" + NAME);
  }
}
