package org.quartermaster.catalog.packages.web;

import java.time.Instant;
import org.quartermaster.catalog.packages.domain.RoleScope;
import org.quartermaster.catalog.resources.web.RoleView;
import org.quartermaster.catalog.resources.web.ScopeView;

/** An accessPackageResourceRoleScope as Graph v1.0 returns it, always with its role and scope. */
public record RoleScopeView(String id, Instant createdDateTime, RoleView role, ScopeView scope) {

  public static RoleScopeView of(RoleScope roleScope) {
    return new RoleScopeView(roleScope.id().toString(), roleScope.createdDateTime(), RoleView.of(roleScope.role()),
        ScopeView.of(roleScope.scope()));
  }
}
