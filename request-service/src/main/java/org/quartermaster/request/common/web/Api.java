package org.quartermaster.request.common.web;

/** Where the request service's endpoints live: Graph's entitlement management root in each version, and its own. */
public final class Api {

  public static final String V1 = "/v1.0/identityGovernance/entitlementManagement";
  public static final String BETA = "/beta/identityGovernance/entitlementManagement";
  /** Quartermaster's own extensions, outside Graph's namespace so no Graph client mistakes them for Graph's. */
  public static final String QUARTERMASTER = "/quartermaster/v1";

  private Api() {
  }
}
