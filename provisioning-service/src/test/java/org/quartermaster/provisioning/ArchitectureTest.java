package org.quartermaster.provisioning;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.quartermaster.testing.SourcePackages;

/** Provisioning's layers: pure domain inside, web, persistence and connectors outside, application services between. */
class ArchitectureTest {

  static final JavaClasses PROVISIONING = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("org.quartermaster.provisioning");

  @Test
  void domainDependsOnNoFrameworkAndNoOuterLayer() {
    noClasses().that().resideInAPackage("org.quartermaster.provisioning..domain..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "org.springframework..", "io.r2dbc..", "org.apache.kafka..", "org.apache.avro..",
            "tools.jackson..", "com.fasterxml..", "reactor..", "org.quartermaster.events..",
            "org.quartermaster.provisioning..web..", "org.quartermaster.provisioning..persistence..",
            "org.quartermaster.provisioning..application..", "org.quartermaster.provisioning.events..",
            "org.quartermaster.provisioning.connectors.directory..")
        .because("domain decisions are plain Java, testable without a container, a database or a broker")
        .check(PROVISIONING);
  }

  @Test
  void controllersGoThroughApplicationServicesNotPersistence() {
    noClasses().that().resideInAPackage("org.quartermaster.provisioning..web..")
        .should().dependOnClassesThat().resideInAnyPackage("org.quartermaster.provisioning..persistence..",
            "org.quartermaster.provisioning.connectors..")
        .because("the application services own transactions and events; a controller reaching a store bypasses them")
        .check(PROVISIONING);
  }

  @Test
  void onlyThePublisherAndTheProjectionsSpeakAvro() {
    noClasses().that().resideInAPackage("org.quartermaster.provisioning..")
        .and().resideOutsideOfPackages("org.quartermaster.provisioning.events..",
            "org.quartermaster.provisioning.catalog.application..", "org.quartermaster.provisioning.policies.application..",
            "org.quartermaster.provisioning.directory.application..", "org.quartermaster.provisioning.requests.application..")
        .should().dependOnClassesThat().resideInAPackage("org.quartermaster.events..")
        .because("the wire format is one mapping at the edge, not something the model or the API knows")
        .check(PROVISIONING);
  }

  @Test
  void targetSystemsAreCalledOnlyByTheOperationWorker() {
    noClasses().that().resideInAPackage("org.quartermaster.provisioning..")
        .and().resideOutsideOfPackages("org.quartermaster.provisioning.operations.application..",
            "org.quartermaster.provisioning.connectors..")
        .should().dependOnClassesThat().resideInAPackage("org.quartermaster.provisioning.connectors.application..")
        .orShould().dependOnClassesThat().resideInAPackage("org.quartermaster.provisioning.connectors.directory..")
        .because("a grant happens only after the decision to make it committed, from the durable operation queue")
        .check(PROVISIONING);
  }

  @Test
  void everyMainPackageHasAPackageInfo() {
    assertThat(SourcePackages.ofModule()).isNotEmpty();
    assertThat(SourcePackages.withoutPackageInfo()).isEmpty();
  }
}
