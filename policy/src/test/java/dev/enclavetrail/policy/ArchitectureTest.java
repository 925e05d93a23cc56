package dev.enclavetrail.policy;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The arrows of DESIGN.md: policy depends on core, never on the parser, testkit or cli. */
class ArchitectureTest {

  @Test
  void policy_dependsOnNeitherParserNorTestkitNorCli() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.enclavetrail.parser..", "dev.enclavetrail.testkit..", "dev.enclavetrail.cli..")
        .check(
            new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.enclavetrail.policy"));
  }
}
