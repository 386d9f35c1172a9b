package org.quartermaster.events;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * The Avro data model for Quartermaster events: it maps schema names to the generated classes it was given.
 *
 * <p>Avro 1.12.2 loads specific classes by name through {@code ClassSecurityValidator}, which rejects every class
 * outside {@code org.apache.avro.SERIALIZABLE_PACKAGES}, even generated ones ("Forbidden ... not trusted"). Rather
 * than widening that JVM-wide system property, this model answers from an explicit allow-list built from our own
 * compiled reader schemas; names it does not know still go through Avro's check.
 */
final class EventSpecificData extends SpecificData {

  private final Map<String, Class<?>> knownClasses = new HashMap<>();

  EventSpecificData(Collection<Class<? extends SpecificRecord>> eventTypes) {
    super(EventSpecificData.class.getClassLoader());
    for (Class<? extends SpecificRecord> eventType : eventTypes) {
      register(SpecificData.getForClass(eventType).getSchema(eventType), eventType.getClassLoader());
    }
  }

  @Override
  public Class<?> getClass(Schema schema) {
    Class<?> known = switch (schema.getType()) {
      case RECORD, ENUM, FIXED -> knownClasses.get(schema.getFullName());
      default -> null;
    };
    return known != null ? known : super.getClass(schema);
  }

  /** Walks a reader schema and remembers the generated class of every named type in it. */
  private void register(Schema schema, ClassLoader loader) {
    switch (schema.getType()) {
      case RECORD -> {
        if (remember(schema, loader)) {
          schema.getFields().forEach(field -> register(field.schema(), loader));
        }
      }
      case ENUM, FIXED -> remember(schema, loader);
      case UNION -> schema.getTypes().forEach(type -> register(type, loader));
      case ARRAY -> register(schema.getElementType(), loader);
      case MAP -> register(schema.getValueType(), loader);
      default -> {
        // primitives need no class
      }
    }
  }

  private boolean remember(Schema schema, ClassLoader loader) {
    if (knownClasses.containsKey(schema.getFullName())) {
      return false;
    }
    Class<?> type = load(SpecificData.getClassName(schema), loader);
    knownClasses.put(schema.getFullName(), type);
    // Each generated class knows the logical-type conversions (uuid, timestamp-micros) it needs; take them all.
    SpecificData.getForClass(type).getConversions().forEach(this::addLogicalTypeConversion);
    return true;
  }

  private static Class<?> load(String className, ClassLoader loader) {
    try {
      return Class.forName(className, false, loader);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("Generated class missing for schema type " + className, e);
    }
  }
}
