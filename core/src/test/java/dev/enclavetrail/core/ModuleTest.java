package dev.enclavetrail.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Pins what the {@code dev.enclavetrail.core} module exports: API packages only. */
class ModuleTest {

  private static final ModuleDescriptor DESCRIPTOR =
      ModuleFinder.of(Path.of("target/classes"))
          .find("dev.enclavetrail.core")
          .orElseThrow()
          .descriptor();

  @Test
  void exports_apiPackagesOnly() {
    assertThat(DESCRIPTOR.exports())
        .allSatisfy(e -> assertThat(e.isQualified()).isFalse())
        .extracting(ModuleDescriptor.Exports::source)
        .containsExactlyInAnyOrder(
            "dev.enclavetrail.core", "dev.enclavetrail.core.json", "dev.enclavetrail.core.jackson");
  }

  @Test
  void opens_internalToJacksonOnly() {
    Set<String> opens =
        DESCRIPTOR.opens().stream()
            .map(o -> o.source() + " to " + o.targets())
            .collect(Collectors.toSet());
    assertThat(opens)
        .containsExactly("dev.enclavetrail.core.internal to [com.fasterxml.jackson.databind]");
  }
}
