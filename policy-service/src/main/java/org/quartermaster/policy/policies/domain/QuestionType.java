package org.quartermaster.policy.policies.domain;

import java.util.Locale;
import org.quartermaster.platform.domain.GraphEnum;
import org.quartermaster.platform.domain.RuleViolation;

/** A question's kind, named on the wire by its {@code @odata.type}. */
public enum QuestionType implements GraphEnum {
  TEXT("text", "accessPackageTextInputQuestion"),
  MULTIPLE_CHOICE("multipleChoice", "accessPackageMultipleChoiceQuestion");

  private final String graphName;
  private final String typeName;

  QuestionType(String graphName, String typeName) {
    this.graphName = graphName;
    this.typeName = typeName;
  }

  @Override
  public String graphName() {
    return graphName;
  }

  public String odataType() {
    return "#microsoft.graph." + typeName;
  }

  public static QuestionType parse(String odataType, String clause) {
    if (odataType == null || odataType.isBlank()) {
      throw new RuleViolation(clause, "Property '" + clause + ".@odata.type' is required: "
          + "#microsoft.graph.accessPackageTextInputQuestion or #microsoft.graph.accessPackageMultipleChoiceQuestion.");
    }
    String wanted = odataType.trim().toLowerCase(Locale.ROOT);
    for (QuestionType type : values()) {
      String name = type.typeName.toLowerCase(Locale.ROOT);
      if (wanted.equals("#microsoft.graph." + name) || wanted.equals("microsoft.graph." + name) || wanted.equals(name)) {
        return type;
      }
    }
    throw new RuleViolation(clause, "Property '" + clause + ".@odata.type' has the unknown value '" + odataType
        + "'; expected #microsoft.graph.accessPackageTextInputQuestion or "
        + "#microsoft.graph.accessPackageMultipleChoiceQuestion.");
  }
}
