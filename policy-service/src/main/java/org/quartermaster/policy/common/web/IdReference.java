package org.quartermaster.policy.common.web;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.UUID;

/**
 * A navigation given by id in a request body, e.g. {@code "accessPackage": {"id": "…"}}. A PUT often sends back the
 * whole expanded object it read, so every other property is ignored.
 */
@JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
@JsonIgnoreProperties(ignoreUnknown = true)
public record IdReference(UUID id) {
}
