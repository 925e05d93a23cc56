package dev.enclavetrail.parser;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The arrows of DESIGN.md as they concern the parser, and its public surface. */
class ArchitectureTest {

  private static final JavaClasses PARSER =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.enclavetrail.parser");

  @Test
  void parser_dependsOnNeitherJacksonNorOtherModules() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "com.fasterxml.jackson..",
            "dev.enclavetrail.core.jackson..",
            "dev.enclavetrail.core.internal..",
            "dev.enclavetrail.policy..",
            "dev.enclavetrail.testkit..",
            "dev.enclavetrail.cli..")
        .check(PARSER);
  }

  @Test
  void engine_isNotPublic() {
    classes().that().haveSimpleNameStartingWith("Json").should().notBePublic().check(PARSER);
  }
}
