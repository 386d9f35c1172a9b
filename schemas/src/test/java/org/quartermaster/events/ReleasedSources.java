package org.quartermaster.events;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.quartermaster.events.ReleasedSchemas.ReleasedSchema;

/** Released schemas read from the source tree, not target/classes, where deleted files can linger until a clean. */
final class ReleasedSources {

  /** Relative to the module directory, which is Surefire's working directory. */
  static final Path RESOURCES = Path.of("src/main/resources");
  static final Path DIR = RESOURCES.resolve(ReleasedSchemas.ROOT);

  private ReleasedSources() {
  }

  static List<ReleasedSchema> of(String fullName) {
    return ReleasedSchemas.of(fullName, resource -> {
      Path file = RESOURCES.resolve(resource);
      return Files.exists(file) ? Files.newInputStream(file) : null;
    });
  }
}
