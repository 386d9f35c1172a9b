package org.quartermaster.catalog;

import org.quartermaster.platform.EnablePlatform;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** Catalogs, the resources in them, and the access packages that bundle those resources' roles. */
@SpringBootApplication
@EnablePlatform
public class CatalogServiceApplication {

  public static final String NAME = "catalog-service";

  public static void main(String[] args) {
    application().run(args);
  }

  /** Each service reads its own file, {@code catalog-service.yml}, since several share one JVM in the devstack. */
  public static SpringApplicationBuilder application() {
    return new SpringApplicationBuilder(CatalogServiceApplication.class)
        .properties("spring.config.name=" + NAME);
  }
}
