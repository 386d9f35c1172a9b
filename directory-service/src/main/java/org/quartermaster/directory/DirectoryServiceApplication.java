package org.quartermaster.directory;

import org.quartermaster.platform.EnablePlatform;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The built-in directory: users, groups and memberships, and the first target that access is provisioned into. */
@SpringBootApplication
@EnablePlatform
public class DirectoryServiceApplication {

  public static final String NAME = "directory-service";

  public static void main(String[] args) {
    application().run(args);
  }

  /** Each service reads its own file, {@code directory-service.yml}, since several share one JVM in the devstack. */
  public static SpringApplicationBuilder application() {
    return new SpringApplicationBuilder(DirectoryServiceApplication.class)
        .properties("spring.config.name=" + NAME);
  }
}
