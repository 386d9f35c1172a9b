package org.quartermaster.extension.common.domain;

/** The named entity does not exist (or not where the client looked for it). */
public class NotFound extends RuntimeException {

  private final String entity;
  private final Object id;

  public NotFound(String entity, Object id) {
    super("Resource '" + id + "' of type '" + entity + "' does not exist.");
    this.entity = entity;
    this.id = id;
  }

  public NotFound(String entity, Object id, String message) {
    super(message);
    this.entity = entity;
    this.id = id;
  }

  public String entity() {
    return entity;
  }

  public Object id() {
    return id;
  }
}
