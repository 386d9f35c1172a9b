package org.quartermaster.catalog.resources.domain;

import java.util.UUID;

/** Where within a resource a role applies; a group has only its root scope, whose originId is the group id. */
public record ResourceScope(UUID id, String originId, OriginSystem originSystem, String displayName, String description,
    boolean isRootScope) {
}
