package org.quartermaster.catalog.directory.application;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The catalog service's own settings.
 *
 * @param directoryWait how long a request naming a group waits for the group's event to reach the read model
 */
@ConfigurationProperties("quartermaster.catalog")
public record CatalogProperties(@DefaultValue("2s") Duration directoryWait) {
}
