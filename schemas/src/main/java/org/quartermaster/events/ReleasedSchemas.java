package org.quartermaster.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;

/**
 * Loads the released (frozen) writer schemas of an event type from the classpath.
 *
 * <p>Layout: {@code avro-released/<full.name>/v<N>.avsc}, numbered from 1 without gaps; each file is a complete,
 * self-contained schema exactly as the generated class had it when that version was released.
 */
final class ReleasedSchemas {

  static final String ROOT = "avro-released";

  /** One frozen version of an event type's schema. */
  record ReleasedSchema(String fullName, int version, Schema schema) {
  }

  private ReleasedSchemas() {
  }

  /** Opens a resource by name, or returns null when it does not exist. */
  @FunctionalInterface
  interface Source {
    InputStream open(String resource) throws IOException;
  }

  /** Every released version of the named type on the classpath, oldest first; empty when never released. */
  static List<ReleasedSchema> of(String fullName) {
    return of(fullName, ReleasedSchemas.class.getClassLoader()::getResourceAsStream);
  }

  /** Same, from another source: the build check reads the source tree so stale build output cannot mask it. */
  static List<ReleasedSchema> of(String fullName, Source source) {
    List<ReleasedSchema> versions = new ArrayList<>();
    for (int version = 1; ; version++) {
      String resource = resourceName(fullName, version);
      try (InputStream in = source.open(resource)) {
        if (in == null) {
          return List.copyOf(versions);
        }
        // A fresh parser per file: every file redefines the shared named types (EventMetadata, ...).
        Schema schema = new Schema.Parser().parse(in);
        if (!schema.getFullName().equals(fullName)) {
          throw new IllegalStateException(resource + " holds " + schema.getFullName() + ", not " + fullName);
        }
        versions.add(new ReleasedSchema(fullName, version, schema));
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + resource, e);
      }
    }
  }

  static String resourceName(String fullName, int version) {
    return ROOT + "/" + fullName + "/v" + version + ".avsc";
  }
}
