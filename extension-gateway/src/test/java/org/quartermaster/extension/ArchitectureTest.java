package org.quartermaster.extension;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.quartermaster.testing.SourcePackages;

/** The gateway's layers: pure domain inside, web, persistence and HTTP outside, application services between. */
class ArchitectureTest {

  static final JavaClasses GATEWAY = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("org.quartermaster.extension");

  @Test
  void domainDependsOnNoFrameworkAndNoOuterLayer() {
    noClasses().that().resideInAPackage("org.quartermaster.extension..domain..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "org.springframework..", "io.r2dbc..", "org.apache.kafka..", "org.apache.avro..", "io.netty..",
            "tools.jackson..", "com.fasterxml..", "reactor..", "org.quartermaster.events..",
            "org.quartermaster.extension..web..", "org.quartermaster.extension..persistence..",
            "org.quartermaster.extension..application..", "org.quartermaster.extension.events..",
            "org.quartermaster.extension.outbound.http..")
        .because("domain decisions are plain Java, testable without a container, a database or a broker")
        .check(GATEWAY);
  }

  @Test
  void controllersGoThroughApplicationServicesNotPersistence() {
    noClasses().that().resideInAPackage("org.quartermaster.extension..web..")
        .should().dependOnClassesThat().resideInAnyPackage("org.quartermaster.extension..persistence..",
            "org.quartermaster.extension.outbound.http..")
        .because("the application services own transactions and events; a controller reaching a store bypasses them")
        .check(GATEWAY);
  }

  @Test
  void onlyThePublisherAndTheConsumersSpeakAvro() {
    noClasses().that().resideInAPackage("org.quartermaster.extension..")
        .and().resideOutsideOfPackages("org.quartermaster.extension.events..",
            "org.quartermaster.extension.readmodels.application..")
        .and().doNotHaveFullyQualifiedName("org.quartermaster.extension.callouts.application.CalloutPlanner")
        .should().dependOnClassesThat().resideInAPackage("org.quartermaster.events..")
        .because("the wire format is one mapping at the edge, not something the model or the API knows")
        .check(GATEWAY);
  }

  @Test
  void endpointsAreCalledOnlyByTheCalloutWorker() {
    noClasses().that().resideInAPackage("org.quartermaster.extension..")
        .and().resideOutsideOfPackage("org.quartermaster.extension.outbound.http..")
        .and().doNotHaveFullyQualifiedName("org.quartermaster.extension.callouts.application.CalloutWorker")
        .should().dependOnClassesThat().resideInAPackage("org.quartermaster.extension.outbound.http..")
        .because("a callout is sent only from the durable queue, after the decision to send it committed")
        .check(GATEWAY);
  }

  @Test
  void everyMainPackageHasAPackageInfo() {
    assertThat(SourcePackages.ofModule()).isNotEmpty();
    assertThat(SourcePackages.withoutPackageInfo()).isEmpty();
  }
}
