package org.quartermaster.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.quartermaster.events.ReleasedSchemas.ReleasedSchema;

/** Proves the build-time gate catches what it must, using fixture schemas under src/test/resources/evolution. */
class SchemaEvolutionRulesTest {

  private static final ReleasedSchema V1 = released(1, "evolution/released-v1.avsc");

  @Test
  void rejectsAddingARequiredFieldWithoutDefault() {
    Schema current = OlderWriterSchemaTest.parse("evolution/incompatible-required-field.avsc");

    assertThat(SchemaEvolutionRules.incompatibilities(current, List.of(V1)))
        .singleElement().asString()
        .contains("released v1", "READER_FIELD_MISSING_DEFAULT", "costCenter");
  }

  @Test
  void rejectsChangingAFieldType() {
    Schema current = OlderWriterSchemaTest.parse("evolution/incompatible-type-change.avsc");

    assertThat(SchemaEvolutionRules.incompatibilities(current, List.of(V1)))
        .singleElement().asString().contains("TYPE_MISMATCH", "seats");
  }

  @Test
  void acceptsAnOptionalFieldWithDefaultButDemandsItsRelease() {
    Schema current = OlderWriterSchemaTest.parse("evolution/compatible-optional-field.avsc");

    assertThat(SchemaEvolutionRules.incompatibilities(current, List.of(V1))).isEmpty();
    assertThat(SchemaEvolutionRules.violations(current, List.of(V1)))
        .singleElement().asString().contains("differs from released v1; release it as v2");
    assertThat(SchemaEvolutionRules.violations(current, List.of(V1, new ReleasedSchema(V1.fullName(), 2, current))))
        .isEmpty();
  }

  @Test
  void checksEveryReleasedVersionNotJustTheLatest() {
    // Someone released an incompatible v2 by hand: matching the latest release must not hide that v1 is unreadable.
    Schema current = OlderWriterSchemaTest.parse("evolution/incompatible-required-field.avsc");
    ReleasedSchema v2 = new ReleasedSchema(V1.fullName(), 2, current);

    assertThat(SchemaEvolutionRules.incompatibilities(current, List.of(V1, v2)))
        .singleElement().asString().contains("released v1");
  }

  @Test
  void rejectsASchemaThatWasNeverReleased() {
    assertThat(SchemaEvolutionRules.violations(V1.schema(), List.of()))
        .singleElement().asString().contains("never released");
  }

  private static ReleasedSchema released(int version, String resource) {
    Schema schema = OlderWriterSchemaTest.parse(resource);
    return new ReleasedSchema(schema.getFullName(), version, schema);
  }
}
