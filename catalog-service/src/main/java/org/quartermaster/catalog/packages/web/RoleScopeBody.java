package org.quartermaster.catalog.packages.web;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.util.UUID;
import org.quartermaster.catalog.packages.application.RoleScopeCommand;
import org.quartermaster.catalog.resources.web.ResourceBody;

/**
 * POST of a resource role scope in either version's names: v1.0 {@code role}/{@code scope} with {@code resource},
 * beta {@code accessPackageResourceRole}/{@code accessPackageResourceScope} with {@code accessPackageResource}.
 */
@JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
public record RoleScopeBody(Role role, Scope scope, Role accessPackageResourceRole, Scope accessPackageResourceScope) {

  /** The role, named by id or originId, with its resource by id or originId. */
  @JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
  public record Role(UUID id, String originId, String originSystem, String displayName, String description,
      ResourceBody resource, ResourceBody accessPackageResource) {
  }

  /** The scope, named by id or originId; absent means the resource's root scope. */
  @JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
  public record Scope(UUID id, String originId, String originSystem, String displayName, String description,
      Boolean isRootScope, String roleOriginId, String url) {
  }

  RoleScopeCommand toCommand() {
    Role namedRole = role != null ? role : accessPackageResourceRole;
    Scope namedScope = scope != null ? scope : accessPackageResourceScope;
    RoleScopeCommand.Role commandRole = null;
    if (namedRole != null) {
      ResourceBody resource = namedRole.resource() != null ? namedRole.resource() : namedRole.accessPackageResource();
      commandRole = new RoleScopeCommand.Role(namedRole.id(), namedRole.originId(),
          resource == null ? null : resource.id(), resource == null ? null : resource.originId(),
          resource == null ? namedRole.originSystem() : resource.originSystem() != null ? resource.originSystem()
              : namedRole.originSystem());
    }
    return new RoleScopeCommand(commandRole, namedScope == null ? null
        : new RoleScopeCommand.Scope(namedScope.id(), namedScope.originId()));
  }
}
