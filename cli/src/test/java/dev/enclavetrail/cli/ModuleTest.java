package dev.enclavetrail.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Pins what the {@code dev.enclavetrail.cli} module exports: the command's entry point only. */
class ModuleTest {

  @Test
  void exports_entryPointPackageOnly() {
    ModuleDescriptor d =
        ModuleFinder.of(Path.of("target/classes"))
            .find("dev.enclavetrail.cli")
            .orElseThrow()
            .descriptor();
    assertThat(d.exports())
        .extracting(ModuleDescriptor.Exports::source)
        .containsExactly("dev.enclavetrail.cli");
  }
}
