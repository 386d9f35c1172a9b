package org.quartermaster.request.separation.domain;

/**
 * Why a target may not receive a package.
 *
 * @param clause the Graph navigation the conflict comes from: incompatibleAccessPackages or incompatibleGroups
 * @param reason names the requested package, the conflicting package or group, and since when the target holds it
 */
public record Incompatibility(String clause, String reason) {

  public static final String PACKAGES = "incompatibleAccessPackages";
  public static final String GROUPS = "incompatibleGroups";
}
