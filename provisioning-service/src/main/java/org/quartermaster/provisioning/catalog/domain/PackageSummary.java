package org.quartermaster.provisioning.catalog.domain;

import java.util.UUID;

/** An access package as the catalog's events describe it: enough to name it in an expanded assignment. */
public record PackageSummary(UUID id, UUID catalogId, String displayName, String description, boolean hidden) {
}
