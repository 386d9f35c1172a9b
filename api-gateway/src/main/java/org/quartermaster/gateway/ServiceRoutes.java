package org.quartermaster.gateway;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Which service owns which Graph paths: the one routing table of the system. */
public final class ServiceRoutes {

  public static final String DIRECTORY = "directory-service";
  public static final String CATALOG = "catalog-service";

  private static final String ENTITLEMENT_MANAGEMENT = "/identityGovernance/entitlementManagement";

  private static final Map<String, List<String>> PATHS = new LinkedHashMap<>();

  static {
    PATHS.put(DIRECTORY, versioned("/users", "/users/**", "/groups", "/groups/**"));
    PATHS.get(DIRECTORY).add("/dev/**");
    // Graph renamed these collections in v1.0; beta keeps the tutorials' older names. accessPackages is both.
    List<String> catalog = new java.util.ArrayList<>();
    for (String collection : List.of("catalogs", "resourceRequests", "accessPackages")) {
      catalog.add("/v1.0" + ENTITLEMENT_MANAGEMENT + "/" + collection);
      catalog.add("/v1.0" + ENTITLEMENT_MANAGEMENT + "/" + collection + "/**");
    }
    for (String collection : List.of("accessPackageCatalogs", "accessPackageResourceRequests", "accessPackages")) {
      catalog.add("/beta" + ENTITLEMENT_MANAGEMENT + "/" + collection);
      catalog.add("/beta" + ENTITLEMENT_MANAGEMENT + "/" + collection + "/**");
    }
    PATHS.put(CATALOG, catalog);
  }

  private ServiceRoutes() {
  }

  public static Map<String, List<String>> paths() {
    return PATHS;
  }

  private static List<String> versioned(String... paths) {
    List<String> all = new java.util.ArrayList<>();
    for (String version : List.of("/v1.0", "/beta")) {
      for (String path : paths) {
        all.add(version + path);
      }
    }
    return all;
  }
}
