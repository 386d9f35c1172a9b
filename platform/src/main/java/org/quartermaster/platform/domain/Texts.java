package org.quartermaster.platform.domain;

/** The text rules every Graph entity shares: display names, descriptions and partial updates. */
public final class Texts {

  public static final int MAX_DISPLAY_NAME = 256;
  public static final int MAX_DESCRIPTION = 1024;

  private Texts() {
  }

  public static void requireDisplayName(String displayName) {
    if (displayName == null || displayName.isBlank()) {
      throw new RuleViolation("displayName", "Property 'displayName' is required.");
    }
    if (displayName.length() > MAX_DISPLAY_NAME) {
      throw new RuleViolation("displayName", "Property 'displayName' is longer than " + MAX_DISPLAY_NAME + " characters.");
    }
  }

  public static void checkDescription(String description) {
    if (description != null && description.length() > MAX_DESCRIPTION) {
      throw new RuleViolation("description", "Property 'description' is longer than " + MAX_DESCRIPTION + " characters.");
    }
  }

  /** A patch leaves a property alone when it does not mention it. */
  public static <T> T or(T candidate, T current) {
    return candidate != null ? candidate : current;
  }
}
