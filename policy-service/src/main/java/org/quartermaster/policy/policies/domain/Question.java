package org.quartermaster.policy.policies.domain;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.quartermaster.platform.domain.RuleViolation;

/**
 * A question a requestor answers when asking for access: free text (optionally single-line and checked against a
 * pattern) or a choice among given values.
 *
 * @param id assigned by the service when the client gives none, so answers can refer to it
 */
public record Question(String id, QuestionType type, int sequence, boolean isRequired, boolean isAnswerEditable,
    String text, List<LocalizedText> localizations, boolean isSingleLineQuestion, String regexPattern,
    List<AnswerChoice> choices, boolean isMultipleSelectionAllowed) {

  public Question {
    localizations = List.copyOf(localizations);
    choices = List.copyOf(choices);
  }

  Question withId(String newId) {
    return new Question(newId, type, sequence, isRequired, isAnswerEditable, text, localizations, isSingleLineQuestion,
        regexPattern, choices, isMultipleSelectionAllowed);
  }

  void validate(String clause) {
    if (text == null || text.isBlank()) {
      throw new RuleViolation(clause + ".text", "Property '" + clause + ".text' is required: the question to ask.");
    }
    checkLocalizations(localizations, clause + ".localizations");
    if (type == QuestionType.TEXT) {
      if (!choices.isEmpty()) {
        throw new RuleViolation(clause + ".choices", "Property '" + clause + ".choices' belongs to multiple-choice "
            + "questions, not to a text input question.");
      }
      if (regexPattern != null) {
        try {
          Pattern.compile(regexPattern);
        } catch (PatternSyntaxException e) {
          throw new RuleViolation(clause + ".regexPattern", "Property '" + clause + ".regexPattern' is not a valid "
              + "regular expression: " + e.getDescription() + ".");
        }
      }
      return;
    }
    if (regexPattern != null) {
      throw new RuleViolation(clause + ".regexPattern", "Property '" + clause + ".regexPattern' belongs to text input "
          + "questions, not to a multiple-choice question.");
    }
    if (choices.isEmpty()) {
      throw new RuleViolation(clause + ".choices", "Property '" + clause + ".choices' needs at least one choice.");
    }
    Set<String> values = new HashSet<>();
    for (int i = 0; i < choices.size(); i++) {
      AnswerChoice choice = choices.get(i);
      String at = clause + ".choices[" + i + "]";
      if (choice.actualValue() == null || choice.actualValue().isBlank()) {
        throw new RuleViolation(at + ".actualValue", "Property '" + at + ".actualValue' is required.");
      }
      if (!values.add(choice.actualValue())) {
        throw new RuleViolation(at + ".actualValue", "Property '" + at + ".actualValue' repeats the value '"
            + choice.actualValue() + "'; each choice needs its own.");
      }
      checkLocalizations(choice.localizations(), at + ".localizations");
    }
  }

  private static void checkLocalizations(List<LocalizedText> localizations, String clause) {
    for (int i = 0; i < localizations.size(); i++) {
      LocalizedText localized = localizations.get(i);
      if (localized.languageCode() == null || localized.languageCode().isBlank()) {
        throw new RuleViolation(clause, "Property '" + clause + "[" + i + "].languageCode' is required, e.g. 'fr-FR'.");
      }
      if (localized.text() == null || localized.text().isBlank()) {
        throw new RuleViolation(clause, "Property '" + clause + "[" + i + "].text' is required.");
      }
    }
  }
}
