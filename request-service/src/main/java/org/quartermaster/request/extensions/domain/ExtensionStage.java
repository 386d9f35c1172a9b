package org.quartermaster.request.extensions.domain;

import java.util.Arrays;
import java.util.Optional;
import org.quartermaster.platform.domain.GraphEnum;

/**
 * The accessPackageCustomExtensionStage members at which a launch-and-wait extension holds a request. The other stages
 * (granted, removed, before expiration) call extensions too, but nothing is left for a request to wait on then.
 */
public enum ExtensionStage implements GraphEnum {
  ASSIGNMENT_REQUEST_CREATED("assignmentRequestCreated"),
  ASSIGNMENT_REQUEST_APPROVED("assignmentRequestApproved");

  private final String graphName;

  ExtensionStage(String graphName) {
    this.graphName = graphName;
  }

  @Override
  public String graphName() {
    return graphName;
  }

  /** The stage of that name, if requests wait at it; a stage added to Graph later is simply not one of them. */
  public static Optional<ExtensionStage> of(String name) {
    return Arrays.stream(values()).filter(stage -> stage.graphName.equalsIgnoreCase(name)).findFirst();
  }
}
