package dev.enclavetrail.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ModuleTest {

  private static ModuleDescriptor descriptor() {
    ModuleReference module =
        ModuleFinder.of(Path.of("target/classes")).find("dev.enclavetrail.testkit").orElseThrow();
    return module.descriptor();
  }

  @Test
  void exports_testkitModule_onlyTheApiPackage() {
    Set<String> exported =
        descriptor().exports().stream()
            .map(ModuleDescriptor.Exports::source)
            .collect(Collectors.toSet());

    assertThat(exported).containsExactly("dev.enclavetrail.testkit");
    assertThat(descriptor().exports()).allSatisfy(e -> assertThat(e.isQualified()).isFalse());
  }

  @Test
  void requires_testkitModule_coreAndPolicyAndAssertjTransitively() {
    Set<String> transitive =
        descriptor().requires().stream()
            .filter(r -> r.modifiers().contains(ModuleDescriptor.Requires.Modifier.TRANSITIVE))
            .filter(r -> !r.modifiers().contains(ModuleDescriptor.Requires.Modifier.STATIC))
            .map(ModuleDescriptor.Requires::name)
            .collect(Collectors.toSet());

    // The API names types of all three: records and measurements, policies and decisions,
    // AbstractAssert.
    assertThat(transitive)
        .containsExactlyInAnyOrder(
            "dev.enclavetrail.core", "dev.enclavetrail.policy", "org.assertj.core");
    assertThat(descriptor().requires())
        .extracting(ModuleDescriptor.Requires::name)
        .doesNotContain("dev.enclavetrail.parser", "dev.enclavetrail.cli");
    assertThat(descriptor().opens()).isEmpty();
  }
}
