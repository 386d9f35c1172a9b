package org.quartermaster.request;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.quartermaster.testing.SourcePackages;

/** The request service's layers: pure domain inside, web and persistence outside, application services between. */
class ArchitectureTest {

  static final JavaClasses REQUESTS = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("org.quartermaster.request");

  @Test
  void domainDependsOnNoFrameworkAndNoOuterLayer() {
    noClasses().that().resideInAPackage("org.quartermaster.request..domain..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "org.springframework..", "io.r2dbc..", "org.apache.kafka..", "org.apache.avro..",
            "tools.jackson..", "com.fasterxml..", "reactor..", "org.quartermaster.events..",
            "org.quartermaster.request..web..", "org.quartermaster.request..persistence..",
            "org.quartermaster.request..application..", "org.quartermaster.request.events..")
        .because("domain decisions are plain Java, testable without a container, a database or a broker")
        .check(REQUESTS);
  }

  @Test
  void controllersGoThroughApplicationServicesNotPersistence() {
    noClasses().that().resideInAPackage("org.quartermaster.request..web..")
        .should().dependOnClassesThat().resideInAPackage("org.quartermaster.request..persistence..")
        .because("the application services own transactions and events; a controller reaching a store bypasses them")
        .check(REQUESTS);
  }

  @Test
  void onlyThePublisherAndTheProjectionsSpeakAvro() {
    noClasses().that().resideInAPackage("org.quartermaster.request..")
        .and().resideOutsideOfPackages("org.quartermaster.request.events..")
        .and().haveSimpleNameNotEndingWith("Projection")
        .and().haveSimpleNameNotEndingWith("Subscription")
        .should().dependOnClassesThat().resideInAPackage("org.quartermaster.events..")
        .because("the wire format is one mapping at the edge, not something the model or the API knows")
        .check(REQUESTS);
  }

  @Test
  void everyMainPackageHasAPackageInfo() {
    assertThat(SourcePackages.ofModule()).isNotEmpty();
    assertThat(SourcePackages.withoutPackageInfo()).isEmpty();
  }
}
