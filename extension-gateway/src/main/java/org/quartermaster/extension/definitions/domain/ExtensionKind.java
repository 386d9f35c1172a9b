package org.quartermaster.extension.definitions.domain;

import java.util.Set;
import org.quartermaster.platform.domain.GraphEnum;

/** The two custom workflow extension types of entitlement management, and the stages each may be bound to. */
public enum ExtensionKind implements GraphEnum {
  REQUEST("accessPackageAssignmentRequestWorkflowExtension", Set.of(Stage.ASSIGNMENT_REQUEST_CREATED,
      Stage.ASSIGNMENT_REQUEST_APPROVED, Stage.ASSIGNMENT_REQUEST_GRANTED, Stage.ASSIGNMENT_REQUEST_REMOVED)),
  ASSIGNMENT("accessPackageAssignmentWorkflowExtension", Set.of(Stage.ASSIGNMENT_FOURTEEN_DAYS_BEFORE_EXPIRATION,
      Stage.ASSIGNMENT_ONE_DAY_BEFORE_EXPIRATION));

  private final String graphName;
  private final Set<Stage> stages;

  ExtensionKind(String graphName, Set<Stage> stages) {
    this.graphName = graphName;
    this.stages = stages;
  }

  @Override
  public String graphName() {
    return graphName;
  }

  public String odataType() {
    return "#microsoft.graph." + graphName;
  }

  public boolean serves(Stage stage) {
    return stages.contains(stage);
  }

  /** Accepts {@code #microsoft.graph.x}, {@code microsoft.graph.x} and {@code x}. */
  public static ExtensionKind ofODataType(String odataType) {
    String name = odataType == null ? null : odataType.replaceFirst("^#?microsoft\\.graph\\.", "");
    return GraphEnum.parse(ExtensionKind.class, name, "@odata.type");
  }
}
