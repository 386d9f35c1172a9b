package org.quartermaster.extension;

import org.quartermaster.platform.EnablePlatform;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** Custom workflow extensions: signs and sends callouts to outside endpoints, and takes their callbacks. */
@SpringBootApplication
@EnablePlatform
public class ExtensionGatewayApplication {

  public static final String NAME = "extension-gateway";

  public static void main(String[] args) {
    application().run(args);
  }

  /** Each service reads its own file, {@code extension-gateway.yml}, since several share one JVM in the devstack. */
  public static SpringApplicationBuilder application() {
    return new SpringApplicationBuilder(ExtensionGatewayApplication.class)
        .properties("spring.config.name=" + NAME);
  }
}
