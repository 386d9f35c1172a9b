package org.quartermaster.provisioning;

import org.quartermaster.platform.EnablePlatform;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** Assignments: grants and revokes the resource roles of access packages in their target systems, and expires them. */
@SpringBootApplication
@EnablePlatform
public class ProvisioningServiceApplication {

  public static final String NAME = "provisioning-service";

  public static void main(String[] args) {
    application().run(args);
  }

  /** Each service reads its own file, {@code provisioning-service.yml}, since several share one JVM in the devstack. */
  public static SpringApplicationBuilder application() {
    return new SpringApplicationBuilder(ProvisioningServiceApplication.class)
        .properties("spring.config.name=" + NAME);
  }
}
