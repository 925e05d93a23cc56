package dev.enclavetrail.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The arrows of DESIGN.md as they concern core: core depends on nothing of ours. */
class ArchitectureTest {

  private static final JavaClasses CORE =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.enclavetrail.core");

  @Test
  void importedClasses_includeTheModel_soRulesAreNotVacuous() {
    assertThat(CORE.contain(CloudTrailRecord.class)).isTrue();
    assertThat(CORE.contain(dev.enclavetrail.core.json.JsonObject.class)).isTrue();
  }

  @Test
  void core_dependsOnNoOtherEnclaveTrailModule() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.enclavetrail.parser..",
            "dev.enclavetrail.policy..",
            "dev.enclavetrail.testkit..",
            "dev.enclavetrail.cli..")
        .check(CORE);
  }

  @Test
  void jsonValues_dependOnNeitherJacksonNorTheModel() {
    noClasses()
        .that()
        .resideInAPackage("dev.enclavetrail.core.json")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("com.fasterxml.jackson..", "dev.enclavetrail.core")
        .check(CORE);
  }
}
