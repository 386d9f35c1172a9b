package org.quartermaster.policy.policies.domain;

import java.util.List;

/** One option of a multiple-choice question: the value an answer carries and the text shown for it. */
public record AnswerChoice(String actualValue, String text, List<LocalizedText> localizations) {

  public AnswerChoice {
    localizations = List.copyOf(localizations);
  }
}
