package org.quartermaster.request.requests.web;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.quartermaster.request.requests.domain.Answer;

/**
 * An answer as Graph sends it: {@code {"@odata.type": "#microsoft.graph.accessPackageAnswerString", "value": "…",
 * "answeredQuestion": {"id": "…"}}}.
 */
@JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
public record AnswerBody(
    @JsonProperty("@odata.type") String odataType,
    String value,
    String displayValue,
    QuestionReference answeredQuestion) {

  Answer toAnswer() {
    String kind = odataType == null ? null : odataType.substring(odataType.lastIndexOf('.') + 1);
    return new Answer(answeredQuestion == null ? null : answeredQuestion.id(), value, displayValue, kind);
  }

  /** The question answered; clients often echo the whole question, of which only the id matters. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record QuestionReference(String id) {
  }
}
