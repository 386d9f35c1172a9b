package org.quartermaster.provisioning.connectors.domain;

import java.util.UUID;

/**
 * One role of one resource for one target, as a connector needs it.
 *
 * @param roleOriginId e.g. {@code Member_{groupId}}
 * @param resourceOriginId e.g. the group id
 */
public record RoleAssignmentTarget(UUID targetId, String roleOriginId, String resourceOriginId, String resourceOriginSystem) {
}
