package org.quartermaster.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.quartermaster.events.ReleasedSchemas.ReleasedSchema;

/**
 * Release tool, not a test: freezes every changed event schema as the next {@code v<N>.avsc}.
 *
 * <p>Run: {@code mvn -o -pl schemas test -Dtest=ReleaseSchemas -Dschemas.release=true}. It is a JUnit class only so
 * that it runs on the module's test classpath without extra plugins; the name keeps it out of the normal test run
 * and the property keeps IDEs from running it by accident. It refuses to release an incompatible change.
 */
@EnabledIfSystemProperty(named = "schemas.release", matches = "true")
class ReleaseSchemas {

  @Test
  void releaseChangedSchemas() throws IOException {
    List<String> problems = new ArrayList<>();
    for (Class<? extends SpecificRecord> eventType : Topics.eventTypes()) {
      Schema current = SpecificData.getForClass(eventType).getSchema(eventType);
      List<ReleasedSchema> released = ReleasedSources.of(current.getFullName());
      List<String> incompatibilities = SchemaEvolutionRules.incompatibilities(current, released);
      if (!incompatibilities.isEmpty()) {
        problems.addAll(incompatibilities);
      } else if (SchemaEvolutionRules.unreleased(current, released).isPresent()) {
        write(current, released.size() + 1);
      }
    }
    assertThat(problems).as("incompatible changes cannot be released; make them compatible instead").isEmpty();
  }

  private static void write(Schema schema, int version) throws IOException {
    Path file = ReleasedSources.DIR.resolve(schema.getFullName()).resolve("v" + version + ".avsc");
    Files.createDirectories(file.getParent());
    // The generated class's own schema, self-contained: nested types are inlined, so each file stands alone.
    Files.writeString(file, schema.toString(true) + System.lineSeparator());
    System.out.println("Released " + file);
  }
}
