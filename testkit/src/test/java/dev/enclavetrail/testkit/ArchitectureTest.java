package dev.enclavetrail.testkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The arrows of DESIGN.md as they concern the testkit: it depends on core, policy and AssertJ,
 * never on the parser or the command line, and reads and writes JSON through core, not Jackson.
 */
class ArchitectureTest {

  private static final JavaClasses TESTKIT =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.enclavetrail.testkit");

  @Test
  void importedClasses_includeBuildersAndAssertions_soTheRuleIsNotVacuous() {
    assertThat(TESTKIT.contain(KmsRecords.class)).isTrue();
    assertThat(TESTKIT.contain(KeyPolicies.class)).isTrue();
    assertThat(TESTKIT.contain(DecisionAssert.class)).isTrue();
  }

  @Test
  void testkit_dependsOnNeitherParserNorCliNorJacksonNorInternals() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.enclavetrail.parser..",
            "dev.enclavetrail.cli..",
            "dev.enclavetrail.core.internal..",
            "com.fasterxml.jackson..")
        .check(TESTKIT);
  }
}
