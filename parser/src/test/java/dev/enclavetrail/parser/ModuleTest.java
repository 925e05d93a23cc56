package dev.enclavetrail.parser;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.file.Path;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Pins what the {@code dev.enclavetrail.parser} module exports and requires. */
class ModuleTest {

  private static final ModuleDescriptor DESCRIPTOR =
      ModuleFinder.of(Path.of("target/classes"))
          .find("dev.enclavetrail.parser")
          .orElseThrow()
          .descriptor();

  @Test
  void exports_apiPackageOnly() {
    assertThat(DESCRIPTOR.exports())
        .allSatisfy(e -> assertThat(e.isQualified()).isFalse())
        .extracting(ModuleDescriptor.Exports::source)
        .containsExactly("dev.enclavetrail.parser");
    assertThat(DESCRIPTOR.opens()).isEmpty();
  }

  @Test
  void requires_coreTransitivelyAndNothingElseOfOurs() {
    assertThat(DESCRIPTOR.requires())
        .extracting(r -> r.name() + " " + new TreeSet<>(r.modifiers()))
        .containsExactlyInAnyOrder(
            "java.base [MANDATED]",
            "dev.enclavetrail.core [TRANSITIVE]",
            "org.jspecify [TRANSITIVE, STATIC]");
  }
}
