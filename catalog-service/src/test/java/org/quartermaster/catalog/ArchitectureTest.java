package org.quartermaster.catalog;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.quartermaster.testing.SourcePackages;

/** The catalog's layers: pure domain inside, web and persistence outside, application services between. */
class ArchitectureTest {

  static final JavaClasses CATALOG = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("org.quartermaster.catalog");

  @Test
  void domainDependsOnNoFrameworkAndNoOuterLayer() {
    noClasses().that().resideInAPackage("org.quartermaster.catalog..domain..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "org.springframework..", "io.r2dbc..", "org.apache.kafka..", "org.apache.avro..",
            "tools.jackson..", "com.fasterxml..", "reactor..", "org.quartermaster.events..",
            "org.quartermaster.catalog..web..", "org.quartermaster.catalog..persistence..",
            "org.quartermaster.catalog..application..", "org.quartermaster.catalog.events..")
        .because("domain decisions are plain Java, testable without a container, a database or a broker")
        .check(CATALOG);
  }

  @Test
  void controllersGoThroughApplicationServicesNotPersistence() {
    noClasses().that().resideInAPackage("org.quartermaster.catalog..web..")
        .should().dependOnClassesThat().resideInAPackage("org.quartermaster.catalog..persistence..")
        .because("the application services own transactions and events; a controller reaching a store bypasses them")
        .check(CATALOG);
  }

  @Test
  void onlyThePublisherAndTheProjectionsSpeakAvro() {
    noClasses().that().resideInAPackage("org.quartermaster.catalog..")
        .and().resideOutsideOfPackages("org.quartermaster.catalog.events..", "org.quartermaster.catalog.directory.application..",
            "org.quartermaster.catalog.holders.application..")
        .should().dependOnClassesThat().resideInAPackage("org.quartermaster.events..")
        .because("the wire format is one mapping at the edge, not something the model or the API knows")
        .check(CATALOG);
  }

  @Test
  void everyMainPackageHasAPackageInfo() {
    assertThat(SourcePackages.ofModule()).isNotEmpty();
    assertThat(SourcePackages.withoutPackageInfo()).isEmpty();
  }
}
