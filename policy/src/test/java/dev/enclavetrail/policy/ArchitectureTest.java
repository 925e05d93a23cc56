package dev.enclavetrail.policy;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The arrows of DESIGN.md: policy depends on core, never on the parser, testkit or cli. */
class ArchitectureTest {

  private static final JavaClasses POLICY =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.enclavetrail.policy");

  @Test
  void importedClasses_includeTheEvaluator_soTheRuleIsNotVacuous() {
    assertThat(POLICY.contain(Authorizer.class)).isTrue();
  }

  @Test
  void policy_dependsOnNeitherParserNorTestkitNorCli() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.enclavetrail.parser..", "dev.enclavetrail.testkit..", "dev.enclavetrail.cli..")
        .check(POLICY);
  }
}
