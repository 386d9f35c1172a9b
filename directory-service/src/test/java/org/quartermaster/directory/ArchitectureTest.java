package org.quartermaster.directory;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.quartermaster.testing.SourcePackages;

/** The directory's layers: pure domain inside, web and persistence outside, application services between. */
class ArchitectureTest {

  static final JavaClasses DIRECTORY = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("org.quartermaster.directory");

  @Test
  void domainDependsOnNoFrameworkAndNoOuterLayer() {
    noClasses().that().resideInAnyPackage("..directory.users.domain..", "..directory.groups.domain..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "org.springframework..", "io.r2dbc..", "org.apache.kafka..", "org.apache.avro..",
            "tools.jackson..", "com.fasterxml..", "reactor..",
            "org.quartermaster.directory..web..", "org.quartermaster.directory..persistence..",
            "org.quartermaster.directory..application..", "org.quartermaster.directory.events..")
        .because("domain decisions are plain Java, testable without a container, a database or a broker")
        .check(DIRECTORY);
  }

  @Test
  void controllersGoThroughApplicationServicesNotPersistence() {
    noClasses().that().resideInAPackage("org.quartermaster.directory..web..")
        .should().dependOnClassesThat().resideInAPackage("org.quartermaster.directory..persistence..")
        .because("the application services own transactions and events; a controller reaching a store bypasses them")
        .check(DIRECTORY);
  }

  @Test
  void everyMainPackageHasAPackageInfo() {
    assertThat(SourcePackages.ofModule()).isNotEmpty();
    assertThat(SourcePackages.withoutPackageInfo()).isEmpty();
  }

}
