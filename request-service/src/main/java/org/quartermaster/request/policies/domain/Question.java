package org.quartermaster.request.policies.domain;

import java.util.List;

/**
 * A question a policy asks requestors.
 *
 * @param type text or multipleChoice
 * @param choices the actual values a multiple-choice answer may take
 */
public record Question(String id, String type, int sequence, boolean required, String text, List<String> choices,
    boolean multipleSelectionAllowed, String regexPattern) {

  public static final String TEXT = "text";
  public static final String MULTIPLE_CHOICE = "multipleChoice";

  public Question {
    choices = choices == null ? List.of() : List.copyOf(choices);
  }

  public boolean isMultipleChoice() {
    return MULTIPLE_CHOICE.equalsIgnoreCase(type);
  }

  public String describe() {
    return "question '" + text + "' (" + id + ")";
  }
}
