package org.quartermaster.provisioning.common.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.quartermaster.platform.domain.RuleViolation;

/**
 * An enum with Graph's v1.0 camelCase member names. Events and clients spell values in v1.0 camelCase or beta
 * PascalCase, so values are matched trimmed and case-insensitively.
 */
public interface GraphEnum {

  /** The v1.0 name, e.g. {@code deliveryFailed}; beta spells it with a capital first letter. */
  String graphName();

  /** Beta's spelling: {@code DeliveryFailed}. */
  default String betaName() {
    String name = graphName();
    return Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }

  static <E extends Enum<E> & GraphEnum> E parse(Class<E> type, String value, String property) {
    if (value == null || value.isBlank()) {
      throw new RuleViolation(property, "Property '" + property + "' is required.");
    }
    String wanted = value.trim().toLowerCase(Locale.ROOT);
    for (E candidate : type.getEnumConstants()) {
      if (candidate.graphName().toLowerCase(Locale.ROOT).equals(wanted)) {
        return candidate;
      }
    }
    throw new RuleViolation(property, "Property '" + property + "' has the unknown value '" + value + "'; expected one of: "
        + Arrays.stream(type.getEnumConstants()).map(GraphEnum::graphName).collect(Collectors.joining(", ")) + ".");
  }
}
