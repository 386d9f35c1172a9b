package org.quartermaster.policy.packages.application;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The policy service's own settings.
 *
 * @param catalogWait how long a request naming an access package waits for the package's event to reach the read model
 * @param extensionWait how long a policy naming a custom workflow extension waits for extension-gateway's event about
 *     it to reach the read model
 */
@ConfigurationProperties("quartermaster.policy")
public record PolicyProperties(@DefaultValue("2s") Duration catalogWait, @DefaultValue("2s") Duration extensionWait) {
}
