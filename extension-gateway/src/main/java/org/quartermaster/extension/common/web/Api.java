package org.quartermaster.extension.common.web;

/** Where entitlement management lives in each Graph version, and Quartermaster's own API. */
public final class Api {

  public static final String V1 = "/v1.0/identityGovernance/entitlementManagement";
  public static final String BETA = "/beta/identityGovernance/entitlementManagement";
  public static final String QUARTERMASTER = "/quartermaster/v1";

  private Api() {
  }
}
