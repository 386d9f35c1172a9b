package org.quartermaster.platform;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.quartermaster.testing.SourcePackages;

/** Rules of the platform's own layout. */
class PlatformArchitectureTest {

  static final JavaClasses PLATFORM = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("org.quartermaster.platform");

  @Test
  void domainBuildingBlocksDependOnlyOnTheJdk() {
    classes().that().resideInAPackage("org.quartermaster.platform.domain..")
        .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.quartermaster.platform.domain..")
        .because("services' domain code builds on these and must stay free of frameworks")
        .check(PLATFORM);
  }

  @Test
  void everyMainPackageHasAPackageInfo() {
    assertThat(SourcePackages.ofModule()).isNotEmpty();
    assertThat(SourcePackages.withoutPackageInfo()).isEmpty();
  }

}
