package org.quartermaster.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.quartermaster.events.ReleasedSchemas.ReleasedSchema;

/**
 * The schema evolution rules enforced at build time, using Avro's own {@link SchemaCompatibility}.
 *
 * <p>Rule 1 (backward, transitive): the current schema, as reader, must read every released writer version.
 * Rule 2 (released): the current schema must equal the latest released version, because anything a producer can
 * write must be in every consumer's schema store, or its messages become undecodable.
 */
final class SchemaEvolutionRules {

  private SchemaEvolutionRules() {
  }

  /** Every rule violation, as human-readable lines; empty when the schema may ship. */
  static List<String> violations(Schema current, List<ReleasedSchema> released) {
    List<String> violations = incompatibilities(current, released);
    // An incompatible change must be fixed, not released; only then is "release it" the right advice.
    return violations.isEmpty() ? unreleased(current, released).stream().toList() : violations;
  }

  /** Rule 1: released versions the current schema cannot read, with Avro's explanation of why. */
  static List<String> incompatibilities(Schema current, List<ReleasedSchema> released) {
    List<String> problems = new ArrayList<>();
    for (ReleasedSchema writer : released) {
      var result = SchemaCompatibility.checkReaderWriterCompatibility(current, writer.schema()).getResult();
      if (result.getCompatibility() != SchemaCompatibilityType.COMPATIBLE) {
        for (Incompatibility incompatibility : result.getIncompatibilities()) {
          problems.add(String.format("%s: current schema cannot read released v%d: %s at %s (%s)",
              current.getFullName(), writer.version(), incompatibility.getType(),
              fieldPath(current, incompatibility.getLocation()),
              incompatibility.getMessage()));
        }
      }
    }
    return problems;
  }

  /**
   * Turns Avro's JSON-pointer location (e.g. {@code /fields/1/type}) into a dotted field path (e.g. {@code seats}),
   * because developers think in field names, not positions.
   */
  static String fieldPath(Schema root, String location) {
    StringBuilder path = new StringBuilder();
    Schema schema = root;
    String[] steps = location.split("/");
    for (int i = 1; i < steps.length; i++) {
      if (steps[i].equals("fields") && i + 1 < steps.length && schema.getType() == Schema.Type.RECORD) {
        Schema.Field field = schema.getFields().get(Integer.parseInt(steps[++i]));
        path.append(path.length() == 0 ? "" : ".").append(field.name());
        schema = field.schema();
      } else if (steps[i].equals("items") && schema.getType() == Schema.Type.ARRAY) {
        schema = schema.getElementType();
      } else if (steps[i].equals("values") && schema.getType() == Schema.Type.MAP) {
        schema = schema.getValueType();
      } else if (steps[i].matches("\\d+") && schema.getType() == Schema.Type.UNION) {
        schema = schema.getTypes().get(Integer.parseInt(steps[i]));
      }
    }
    return path.length() == 0 ? location : path + " [" + location + "]";
  }

  /** Rule 2: a reason the current schema is not the latest released version, if it is not. */
  static Optional<String> unreleased(Schema current, List<ReleasedSchema> released) {
    if (released.isEmpty()) {
      return Optional.of(current.getFullName() + ": never released; release it as v1 (see schemas/README.md)");
    }
    ReleasedSchema latest = released.get(released.size() - 1);
    if (!latest.schema().equals(current)) {
      return Optional.of(String.format("%s: differs from released v%d; release it as v%d (see schemas/README.md)",
          current.getFullName(), latest.version(), latest.version() + 1));
    }
    return Optional.empty();
  }
}
