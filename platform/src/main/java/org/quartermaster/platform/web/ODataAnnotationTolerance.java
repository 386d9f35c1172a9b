package org.quartermaster.platform.web;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.DeserializationProblemHandler;

/**
 * Unknown properties are errors, except OData instance annotations such as {@code @odata.type}
 * that the Graph SDKs add to every body they send. Property annotations such as
 * {@code members@odata.bind} are not skipped: a resource that supports them declares them.
 */
final class ODataAnnotationTolerance extends DeserializationProblemHandler {

  @Override
  public boolean handleUnknownProperty(DeserializationContext context, JsonParser parser,
      ValueDeserializer<?> deserializer, Object beanOrClass, String propertyName) {
    if (propertyName.startsWith("@odata.")) {
      parser.skipChildren();
      return true;
    }
    return false;
  }
}
