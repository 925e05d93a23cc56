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
  void requires_testkitModule_coreTransitively() {
    assertThat(descriptor().requires())
        .anySatisfy(
            r -> {
              assertThat(r.name()).isEqualTo("dev.enclavetrail.core");
              assertThat(r.modifiers()).contains(ModuleDescriptor.Requires.Modifier.TRANSITIVE);
            });
    assertThat(descriptor().opens()).isEmpty();
  }
}
