package org.quartermaster.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;

/**
 * Marks a Spring Boot application as a Quartermaster service: it gets the outbox, the inbox,
 * Graph wire conventions and bearer-token security.
 *
 * <p>An explicit annotation rather than auto-configuration, because the devstack hosts several
 * applications (and the gateway) in one JVM with one classpath; only the services opt in.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Import(PlatformConfiguration.class)
public @interface EnablePlatform {
}
