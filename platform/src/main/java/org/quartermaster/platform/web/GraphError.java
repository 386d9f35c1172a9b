package org.quartermaster.platform.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The OData v4 error body Graph returns: {@code {"error":{"code","message","innerError":{…}}}}. */
public record GraphError(Body error) {

  public static GraphError of(String code, String message, String requestId, String clientRequestId, String date) {
    return new GraphError(new Body(code, message, new InnerError(requestId, clientRequestId, date)));
  }

  /** The error itself. */
  public record Body(String code, String message, InnerError innerError) {
  }

  /** Correlation data clients log when they report a problem. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record InnerError(
      @JsonProperty("request-id") String requestId,
      @JsonProperty("client-request-id") String clientRequestId,
      String date) {
  }
}
