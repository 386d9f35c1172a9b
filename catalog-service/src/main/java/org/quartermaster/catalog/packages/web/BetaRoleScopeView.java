package org.quartermaster.catalog.packages.web;

import java.time.Instant;
import org.quartermaster.catalog.packages.domain.RoleScope;
import org.quartermaster.catalog.resources.web.BetaRoleView;
import org.quartermaster.catalog.resources.web.BetaScopeView;

/** An accessPackageResourceRoleScope as Graph beta returns it, always with its role and scope. */
public record BetaRoleScopeView(String id, String createdBy, Instant createdDateTime, String modifiedBy,
    Instant modifiedDateTime, BetaRoleView accessPackageResourceRole, BetaScopeView accessPackageResourceScope) {

  public static BetaRoleScopeView of(RoleScope roleScope) {
    return new BetaRoleScopeView(roleScope.id().toString(), roleScope.createdBy(), roleScope.createdDateTime(),
        roleScope.createdBy(), roleScope.createdDateTime(), BetaRoleView.of(roleScope.role()),
        BetaScopeView.of(roleScope.scope()));
  }
}
