package dev.enclavetrail.parser;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
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

  @Test
  void publicSurface_isTheReaderApi() {
    assertThat(
            PARSER.stream()
                .filter(c -> c.getModifiers().contains(JavaModifier.PUBLIC))
                .map(JavaClass::getName)
                .sorted())
        .containsExactly(
            "dev.enclavetrail.parser.CloudTrailParseException",
            "dev.enclavetrail.parser.CloudTrailReader",
            "dev.enclavetrail.parser.CloudTrailReader$Builder",
            "dev.enclavetrail.parser.DeliveryShape",
            "dev.enclavetrail.parser.ReadSummary",
            "dev.enclavetrail.parser.RecordErrorHandler",
            "dev.enclavetrail.parser.RecordHandler",
            "dev.enclavetrail.parser.RecordStream",
            "dev.enclavetrail.parser.RecordView",
            "dev.enclavetrail.parser.SourceFile");
  }
}
