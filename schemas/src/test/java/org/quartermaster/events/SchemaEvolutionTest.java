package org.quartermaster.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.quartermaster.events.ReleasedSchemas.ReleasedSchema;

/**
 * The build-time compatibility gate: {@code mvn install} fails when a schema change breaks these rules.
 *
 * <p>See {@link SchemaEvolutionRules} for the rules and schemas/README.md for how to release a new version.
 */
class SchemaEvolutionTest {

  static Stream<Named<Class<? extends SpecificRecord>>> eventTypes() {
    return Topics.eventTypes().stream().map(type -> Named.of(type.getSimpleName(), type));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("eventTypes")
  void currentSchemaIsReleasedAndReadsEveryReleasedVersion(Class<? extends SpecificRecord> eventType) {
    Schema current = SpecificData.getForClass(eventType).getSchema(eventType);
    List<ReleasedSchema> released = ReleasedSources.of(current.getFullName());

    assertThat(SchemaEvolutionRules.violations(current, released)).isEmpty();
    assertThat(ReleasedSchemas.of(current.getFullName())).extracting(SchemaEvolutionTest::summary)
        .as("released schemas on the runtime classpath (stale target/classes? run mvn clean)")
        .isEqualTo(released.stream().map(SchemaEvolutionTest::summary).toList());
  }

  @Test
  void releasedFoldersBelongToEventTypesAndAreNumberedWithoutGaps() throws IOException {
    List<String> eventTypeNames = Topics.eventTypes().stream().map(Class::getName).toList();
    assertThat(ReleasedSources.DIR).as("released schemas folder").isDirectory();
    try (Stream<Path> folders = Files.list(ReleasedSources.DIR)) {
      for (Path folder : folders.toList()) {
        String fullName = folder.getFileName().toString();
        // Deleting or renaming an event type would strand messages still on the topics; do it deliberately.
        assertThat(eventTypeNames).as("released schemas without an event type").contains(fullName);
        assertThat(fileNames(folder)).as(fullName)
            .containsExactlyInAnyOrderElementsOf(expectedFiles(ReleasedSources.of(fullName).size()));
      }
    }
  }

  private static String summary(ReleasedSchema released) {
    return "v" + released.version() + " fingerprint "
        + Long.toHexString(SchemaNormalization.parsingFingerprint64(released.schema()));
  }

  private static List<String> fileNames(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(file -> file.getFileName().toString()).toList();
    }
  }

  /** v1..vN exactly; the classpath loader stops at the first gap, so a gap would silently hide later versions. */
  private static List<String> expectedFiles(int count) {
    return IntStream.rangeClosed(1, count).mapToObj(version -> "v" + version + ".avsc").toList();
  }
}
