package org.quartermaster.gateway;

import java.util.ArrayList;
import java.util.List;

/**
 * Which service owns which Graph paths: the one routing table of the system. A route is active once its service's
 * address is configured ({@code quartermaster.gateway.services.<name>}).
 */
public final class ServiceRoutes {

  public static final String DIRECTORY = "directory-service";
  public static final String CATALOG = "catalog-service";
  public static final String POLICY = "policy-service";
  public static final String REQUEST = "request-service";
  public static final String PROVISIONING = "provisioning-service";
  public static final String EXTENSION = "extension-gateway";

  /** Navigations one service serves inside another's collection; they must be matched first. */
  static final int NESTED = -1;
  static final int COLLECTION = 0;

  private static final String V1 = "/v1.0/identityGovernance/entitlementManagement/";
  private static final String BETA = "/beta/identityGovernance/entitlementManagement/";

  private static final List<ServiceRoute> TABLE = List.of(
      new ServiceRoute(DIRECTORY, COLLECTION, join(
          versioned("/users", "/users/**", "/groups", "/groups/**"), List.of("/dev/**"))),
      // Graph renamed these collections in v1.0; beta keeps the tutorials' older names. accessPackages is both.
      new ServiceRoute(CATALOG, COLLECTION, join(
          collections(V1, "catalogs", "resourceRequests", "accessPackages"),
          collections(BETA, "accessPackageCatalogs", "accessPackageResourceRequests", "accessPackages"))),
      new ServiceRoute(POLICY, NESTED, List.of(
          V1 + "accessPackages/*/assignmentPolicies", V1 + "accessPackages/*/getApplicablePolicyRequirements",
          BETA + "accessPackages/*/getApplicablePolicyRequirements",
          BETA + "accessPackages/*/accessPackageAssignmentPolicies")),
      // Custom extensions live in the catalog's collection, resume and the callout record in the request's.
      new ServiceRoute(EXTENSION, NESTED, List.of(
          V1 + "catalogs/*/customWorkflowExtensions", V1 + "catalogs/*/customWorkflowExtensions/**",
          // Seed 002 section 7's cmdlet uses beta's older name for the same definitions.
          BETA + "accessPackageCatalogs/*/customAccessPackageWorkflowExtensions",
          BETA + "accessPackageCatalogs/*/customAccessPackageWorkflowExtensions/**",
          V1 + "assignmentRequests/*/resume", BETA + "accessPackageAssignmentRequests/*/resume",
          "/quartermaster/v1/assignmentRequests/*/customExtensionCalloutInstances")),
      new ServiceRoute(POLICY, COLLECTION, join(
          collections(V1, "assignmentPolicies"), collections(BETA, "accessPackageAssignmentPolicies"))),
      new ServiceRoute(REQUEST, COLLECTION, join(
          collections(V1, "assignmentRequests"), collections(BETA, "accessPackageAssignmentRequests"),
          // An approval's id is its request's id: the request service owns both.
          collections(V1, "accessPackageAssignmentApprovals"), collections(BETA, "accessPackageAssignmentApprovals"),
          // Quartermaster's own bulk API lives outside Graph's namespace.
          List.of("/quartermaster/v1/assignmentRequests/**", "/quartermaster/v1/accessPackageAssignmentApprovals/**"))),
      new ServiceRoute(PROVISIONING, COLLECTION, join(
          // v1.0 also answers to the older name, which Graph's access-review scope queries still use.
          collections(V1, "assignments", "accessPackageAssignments"),
          collections(BETA, "accessPackageAssignments", "accessPackageAssignmentResourceRoles"))));

  private ServiceRoutes() {
  }

  public static List<ServiceRoute> table() {
    return TABLE;
  }

  /**
   * @param precedence lower is matched first
   */
  public record ServiceRoute(String service, int precedence, List<String> paths) {
  }

  private static List<String> collections(String root, String... names) {
    List<String> paths = new ArrayList<>();
    for (String name : names) {
      paths.add(root + name);
      paths.add(root + name + "/**");
    }
    return paths;
  }

  private static List<String> versioned(String... paths) {
    List<String> all = new ArrayList<>();
    for (String version : List.of("/v1.0", "/beta")) {
      for (String path : paths) {
        all.add(version + path);
      }
    }
    return all;
  }

  @SafeVarargs
  private static List<String> join(List<String>... lists) {
    List<String> all = new ArrayList<>();
    for (List<String> list : lists) {
      all.addAll(list);
    }
    return List.copyOf(all);
  }
}
