package org.quartermaster.request.requests.domain;

/**
 * A requestor's answer to one of the policy's questions.
 *
 * @param kind the answer's @odata.type without namespace, e.g. accessPackageAnswerString; null when the client sent none
 */
public record Answer(String questionId, String value, String displayValue, String kind) {

  public static final String STRING = "accessPackageAnswerString";
}
