package org.quartermaster.provisioning.assignments.domain;

/**
 * One resource role, at a scope, that an access package grants, as the catalog described it.
 *
 * @param roleScopeId {@code {roleId}_{scopeId}}
 * @param roleOriginId the role in its system, e.g. {@code Member_{groupId}}
 * @param resourceOriginId the resource in its system, e.g. the group id
 * @param resourceOriginSystem e.g. {@code AadGroup}
 */
public record RoleDefinition(String roleScopeId, String roleOriginId, String resourceOriginId, String resourceOriginSystem) {
}
