package org.quartermaster.platform.web;

import org.springframework.http.HttpStatus;

/** A refusal the client should see as a Graph error: a status, a stable code and a message naming the cause. */
public class GraphException extends RuntimeException {

  private final HttpStatus status;
  private final String code;

  public GraphException(HttpStatus status, String code, String message) {
    super(message);
    this.status = status;
    this.code = code;
  }

  public HttpStatus status() {
    return status;
  }

  public String code() {
    return code;
  }

  public static GraphException badRequest(String message) {
    return new GraphException(HttpStatus.BAD_REQUEST, "invalidRequest", message);
  }

  public static GraphException notFound(String entity, Object id) {
    return new GraphException(HttpStatus.NOT_FOUND, "itemNotFound",
        "Resource '" + id + "' of type '" + entity + "' does not exist.");
  }

  public static GraphException conflict(String message) {
    return new GraphException(HttpStatus.CONFLICT, "conflict", message);
  }

  public static GraphException forbidden(String message) {
    return new GraphException(HttpStatus.FORBIDDEN, "accessDenied", message);
  }
}
