package org.quartermaster.provisioning.common.web;

/** Where entitlement management lives in each Graph version. */
public final class Api {

  public static final String V1 = "/v1.0/identityGovernance/entitlementManagement";
  public static final String BETA = "/beta/identityGovernance/entitlementManagement";

  private Api() {
  }
}
