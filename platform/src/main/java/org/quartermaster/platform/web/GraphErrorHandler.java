package org.quartermaster.platform.web;

import java.util.List;
import java.util.stream.Collectors;
import org.quartermaster.odata.ODataQueryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns every failure into a Graph error whose message names the field, parameter or clause at
 * fault. Anything unrecognised is a 500 and logged: it is a bug, not a client error.
 */
public class GraphErrorHandler implements WebExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(GraphErrorHandler.class);

  private final GraphErrorWriter writer;

  public GraphErrorHandler(GraphErrorWriter writer) {
    this.writer = writer;
  }

  @Override
  public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
    GraphException graph = translate(failure);
    if (graph.status().is5xxServerError()) {
      log.error("unhandled failure on {} {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), failure);
    }
    return writer.write(exchange, graph.status(), graph.code(), graph.getMessage());
  }

  static GraphException translate(Throwable failure) {
    if (failure instanceof GraphException graph) {
      return graph;
    }
    if (failure instanceof org.quartermaster.platform.domain.RuleViolation violation) {
      return GraphException.badRequest(violation.getMessage());
    }
    if (failure instanceof ODataQueryException query) {
      return GraphException.badRequest(query.getMessage());
    }
    DataBufferLimitException tooLarge = causeOf(failure, DataBufferLimitException.class);
    if (tooLarge != null) {
      return new GraphException(HttpStatus.PAYLOAD_TOO_LARGE, "requestEntityTooLarge",
          "The request body is larger than the service accepts: " + tooLarge.getMessage());
    }
    if (failure instanceof WebExchangeBindException binding) {
      return GraphException.badRequest(describe(binding.getFieldErrors()));
    }
    JacksonException json = causeOf(failure, JacksonException.class);
    if (json != null) {
      return GraphException.badRequest(describe(json));
    }
    if (failure instanceof ServerWebInputException input) {
      TypeMismatchException mismatch = causeOf(failure, TypeMismatchException.class);
      if (mismatch != null) {
        String name = input.getMethodParameter() != null ? input.getMethodParameter().getParameterName() : mismatch.getPropertyName();
        String expected = mismatch.getRequiredType() == java.util.UUID.class ? "a GUID"
            : "a value of type " + (mismatch.getRequiredType() == null ? "?" : mismatch.getRequiredType().getSimpleName());
        return GraphException.badRequest("Invalid value '" + mismatch.getValue() + "' for '" + name + "': expected " + expected + ".");
      }
      if (causeOf(failure, DecodingException.class) == null && input.getReason() != null
          && input.getReason().contains("body")) {
        return GraphException.badRequest("The request body is missing or empty.");
      }
      return GraphException.badRequest(input.getReason() == null ? "Invalid request." : input.getReason());
    }
    if (failure instanceof MethodNotAllowedException notAllowed) {
      return new GraphException(HttpStatus.METHOD_NOT_ALLOWED, "methodNotAllowed",
          "Method " + notAllowed.getHttpMethod() + " is not allowed here; allowed: " + notAllowed.getSupportedMethods() + ".");
    }
    if (failure instanceof UnsupportedMediaTypeStatusException media) {
      return new GraphException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupportedMediaType",
          "Content type " + media.getContentType() + " is not supported; send application/json.");
    }
    if (failure instanceof ResponseStatusException status && status.getStatusCode().value() == 404) {
      return new GraphException(HttpStatus.NOT_FOUND, "itemNotFound", "No resource matches this path.");
    }
    if (failure instanceof ResponseStatusException status && status.getStatusCode().is4xxClientError()) {
      return new GraphException(HttpStatus.valueOf(status.getStatusCode().value()), "invalidRequest",
          status.getReason() == null ? "Invalid request." : status.getReason());
    }
    return new GraphException(HttpStatus.INTERNAL_SERVER_ERROR, "generalException", "An internal error occurred.");
  }

  private static String describe(List<FieldError> errors) {
    return errors.stream()
        .map(error -> "Property '" + error.getField() + "' " + error.getDefaultMessage() + ".")
        .sorted()
        .collect(Collectors.joining(" "));
  }

  private static String describe(JacksonException json) {
    String path = json.getPath().stream()
        .map(reference -> reference.getPropertyName() != null ? reference.getPropertyName() : "[" + reference.getIndex() + "]")
        .collect(Collectors.joining(".")).replace(".[", "[");
    if (json instanceof UnrecognizedPropertyException unknown) {
      return "Unknown property '" + (path.isEmpty() ? unknown.getPropertyName() : path) + "' in the request body.";
    }
    if (json instanceof MismatchedInputException mismatch && !path.isEmpty()) {
      String expected = mismatch.getTargetType() == null ? "another type" : typeName(mismatch.getTargetType());
      return "Property '" + path + "' has the wrong type: expected " + expected + ".";
    }
    if (json instanceof StreamReadException read) {
      String where = read.getLocation() == null ? ""
          : " at line " + read.getLocation().getLineNr() + ", column " + read.getLocation().getColumnNr();
      return "Malformed JSON in the request body" + where + ": " + firstLine(read.getOriginalMessage()) + ".";
    }
    return "Invalid request body" + (path.isEmpty() ? "" : " at '" + path + "'") + ": " + firstLine(json.getOriginalMessage()) + ".";
  }

  private static String typeName(Class<?> type) {
    if (type == Boolean.class || type == boolean.class) {
      return "a boolean";
    }
    if (type == String.class) {
      return "a string";
    }
    if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
      return "a number";
    }
    if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "an array";
    }
    if (type == java.util.UUID.class) {
      return "a GUID string";
    }
    if (type.isEnum()) {
      return "one of " + java.util.Arrays.toString(type.getEnumConstants());
    }
    return "an object";
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  private static <T extends Throwable> T causeOf(Throwable failure, Class<T> type) {
    for (Throwable current = failure; current != null; current = current.getCause()) {
      if (type.isInstance(current)) {
        return type.cast(current);
      }
      if (current.getCause() == current) {
        break;
      }
    }
    return null;
  }
}
