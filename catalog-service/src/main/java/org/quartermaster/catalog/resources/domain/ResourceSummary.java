package org.quartermaster.catalog.resources.domain;

import java.util.UUID;

/** Enough of a resource to grant one of its roles without looking it up again. */
public record ResourceSummary(UUID id, UUID catalogId, String originId, OriginSystem originSystem, String displayName) {
}
