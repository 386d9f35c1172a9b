package org.quartermaster.gateway;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Which service owns which Graph paths: the one routing table of the system. */
public final class ServiceRoutes {

  public static final String DIRECTORY = "directory-service";

  private static final Map<String, List<String>> PATHS = new LinkedHashMap<>();

  static {
    PATHS.put(DIRECTORY, versioned("/users", "/users/**", "/groups", "/groups/**"));
    PATHS.get(DIRECTORY).add("/dev/**");
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
