package org.quartermaster.request.requests.application;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The request service's own settings.
 *
 * @param readModelWait how long a request naming a policy, package, user or assignment waits for its event to reach the
 *     read model before the request is refused as naming something unknown
 */
@ConfigurationProperties("quartermaster.request")
public record RequestProperties(@DefaultValue("2s") Duration readModelWait) {
}
