package org.quartermaster.policy;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.quartermaster.testing.SourcePackages;

/** The policy service's layers: pure domain inside, web and persistence outside, application services between. */
class ArchitectureTest {

  static final JavaClasses POLICY = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("org.quartermaster.policy");

  @Test
  void domainDependsOnNoFrameworkAndNoOuterLayer() {
    noClasses().that().resideInAPackage("org.quartermaster.policy..domain..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "org.springframework..", "io.r2dbc..", "org.apache.kafka..", "org.apache.avro..",
            "tools.jackson..", "com.fasterxml..", "reactor..", "org.quartermaster.events..",
            "org.quartermaster.policy..web..", "org.quartermaster.policy..persistence..",
            "org.quartermaster.policy..application..", "org.quartermaster.policy.events..")
        .because("domain decisions are plain Java, testable without a container, a database or a broker")
        .check(POLICY);
  }

  @Test
  void controllersGoThroughApplicationServicesNotPersistence() {
    noClasses().that().resideInAPackage("org.quartermaster.policy..web..")
        .should().dependOnClassesThat().resideInAPackage("org.quartermaster.policy..persistence..")
        .because("the application services own transactions and events; a controller reaching a store bypasses them")
        .check(POLICY);
  }

  @Test
  void onlyThePublisherAndTheProjectionsSpeakAvro() {
    noClasses().that().resideInAPackage("org.quartermaster.policy..")
        .and().resideOutsideOfPackages("org.quartermaster.policy.events..", "org.quartermaster.policy.packages.application..",
            "org.quartermaster.policy.directory.application..", "org.quartermaster.policy.assignments.application..",
            "org.quartermaster.policy.extensions.application..")
        .should().dependOnClassesThat().resideInAPackage("org.quartermaster.events..")
        .because("the wire format is one mapping at the edge, not something the model or the API knows")
        .check(POLICY);
  }

  @Test
  void everyMainPackageHasAPackageInfo() {
    assertThat(SourcePackages.ofModule()).isNotEmpty();
    assertThat(SourcePackages.withoutPackageInfo()).isEmpty();
  }
}
