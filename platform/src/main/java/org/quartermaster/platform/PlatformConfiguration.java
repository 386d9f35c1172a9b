package org.quartermaster.platform;

import org.quartermaster.platform.config.PlatformProperties;
import org.quartermaster.platform.inbox.InboxConfiguration;
import org.quartermaster.platform.outbox.OutboxConfiguration;
import org.quartermaster.platform.security.SecurityConfiguration;
import org.quartermaster.platform.time.ClockConfiguration;
import org.quartermaster.platform.web.WebConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Everything a service gets from {@link EnablePlatform}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PlatformProperties.class)
@Import({
    ClockConfiguration.class,
    OutboxConfiguration.class,
    InboxConfiguration.class,
    WebConfiguration.class,
    SecurityConfiguration.class
})
public class PlatformConfiguration {
}
