package org.quartermaster.catalog.common.web;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.util.UUID;

/** A navigation given by id in a request body, e.g. {@code "catalog": {"id": "…"}}; other properties are ignored. */
@JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
public record IdReference(UUID id, String displayName, String description) {
}
