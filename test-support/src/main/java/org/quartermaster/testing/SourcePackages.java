package org.quartermaster.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The packages of a module's main sources. Checked on the sources rather than with ArchUnit,
 * because a package-info.java holding only javadoc compiles to no class file.
 */
public final class SourcePackages {

  private SourcePackages() {
  }

  /** Every directory under {@code src/main/java} of the module under test that holds Java sources. */
  public static List<Path> ofModule() {
    Path sources = Path.of("src", "main", "java");
    try (Stream<Path> directories = Files.walk(sources)) {
      return directories.filter(Files::isDirectory).filter(SourcePackages::holdsJavaSources).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static List<Path> withoutPackageInfo() {
    return ofModule().stream().filter(directory -> !Files.isRegularFile(directory.resolve("package-info.java"))).toList();
  }

  private static boolean holdsJavaSources(Path directory) {
    try (Stream<Path> files = Files.list(directory)) {
      return files.anyMatch(file -> file.getFileName().toString().endsWith(".java"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
