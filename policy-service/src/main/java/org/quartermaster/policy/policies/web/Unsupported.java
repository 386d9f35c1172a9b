package org.quartermaster.policy.policies.web;

import java.util.Collection;
import java.util.Map;
import org.quartermaster.policy.common.domain.NotSupported;

/** Policy settings Graph defines that Quartermaster cannot honour yet; refused when they would ask for something. */
final class Unsupported {

  private Unsupported() {
  }

  /** Access reviews: a settings object that enables them is refused; a disabled one asks for nothing. */
  static void reviews(Object settings, String property) {
    if (settings instanceof Map<?, ?> map && map.entrySet().stream()
        .anyMatch(entry -> "isEnabled".equalsIgnoreCase(String.valueOf(entry.getKey())) && Boolean.TRUE.equals(entry.getValue()))) {
      throw new NotSupported(property, "Property '" + property + "' enables access reviews of assignments, which are not "
          + "supported yet; send null or isEnabled false.");
    }
  }

  static void absent(Object value, String property, String what) {
    boolean empty = value == null || value instanceof Collection<?> collection && collection.isEmpty();
    if (!empty) {
      throw new NotSupported(property, "Property '" + property + "' (" + what + ") is not supported yet; leave it out.");
    }
  }
}
