package org.quartermaster.provisioning.operations.domain;

/** What a pending operation asks the target system to do. */
public enum OperationKind {
  GRANT("grant"),
  REVOKE("revoke");

  private final String column;

  OperationKind(String column) {
    this.column = column;
  }

  public String column() {
    return column;
  }

  public static OperationKind of(String column) {
    return "grant".equals(column) ? GRANT : REVOKE;
  }
}
