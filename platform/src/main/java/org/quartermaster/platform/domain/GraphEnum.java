package org.quartermaster.platform.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * An enum with Graph's v1.0 camelCase member names. Clients send v1.0 names, beta PascalCase names and, in the
 * PowerShell tutorials, stray whitespace, so values are matched trimmed and case-insensitively.
 */
public interface GraphEnum {

  /** The v1.0 name, e.g. {@code userManaged}; beta spells it with a capital first letter. */
  String graphName();

  /** Beta's spelling: {@code UserManaged}. */
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

  /** Parses a value that may be absent: null stays null. */
  static <E extends Enum<E> & GraphEnum> E parseOptional(Class<E> type, String value, String property) {
    return value == null ? null : parse(type, value, property);
  }
}
