package org.quartermaster.request.requests.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.quartermaster.request.requests.domain.Answer;

/** An answer as Graph returns it, typed with its @odata.type. */
public record AnswerView(
    @JsonProperty("@odata.type") String odataType,
    String value,
    String displayValue,
    QuestionView answeredQuestion) {

  static List<AnswerView> of(List<Answer> answers) {
    return answers.stream().map(answer -> new AnswerView("#microsoft.graph." + Answer.STRING, answer.value(),
        answer.displayValue(), new QuestionView(answer.questionId()))).toList();
  }

  /** The answered question, by id. */
  public record QuestionView(String id) {
  }
}
