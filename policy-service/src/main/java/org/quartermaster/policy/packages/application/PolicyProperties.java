package org.quartermaster.policy.packages.application;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The policy service's own settings.
 *
 * @param catalogWait how long a request naming an access package waits for the package's event to reach the read model
 */
@ConfigurationProperties("quartermaster.policy")
public record PolicyProperties(@DefaultValue("2s") Duration catalogWait) {
}
