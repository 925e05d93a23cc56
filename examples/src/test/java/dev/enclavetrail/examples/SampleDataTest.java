package dev.enclavetrail.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.enclavetrail.core.AttestedOperation;
import dev.enclavetrail.testkit.EnclaveMixCorpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed sample log tree is exactly what {@link SampleData} generates, and holds what the
 * README shows.
 */
class SampleDataTest {

  private static final Path COMMITTED = Path.of("data");

  @Test
  void committedSample_isWhatTheGeneratorWrites(@TempDir Path dir) throws IOException {
    if (Boolean.getBoolean("examples.regenerate")) {
      try (Stream<Path> old = Files.exists(COMMITTED) ? Files.walk(COMMITTED) : Stream.empty()) {
        for (Path p : old.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
      SampleData.corpus().write(COMMITTED);
    }
    EnclaveMixCorpus.Summary summary = SampleData.corpus().write(dir);
    List<Path> expected = files(dir);
    assertThat(files(COMMITTED)).containsExactlyElementsOf(expected);
    for (Path relative : expected) {
      assertThat(Files.readAllBytes(COMMITTED.resolve(relative)))
          .as(relative.toString())
          .isEqualTo(Files.readAllBytes(dir.resolve(relative)));
    }
    assertThat(summary.records()).isEqualTo(400);
    assertThat(summary.attestedByOperation().keySet())
        .containsExactlyInAnyOrder(AttestedOperation.values());
    assertThat(summary.nitroTpmRecords()).isPositive();
    assertThat(summary.debugModeRecords()).isPositive();
    long size = 0;
    for (Path relative : expected) {
      size += Files.size(COMMITTED.resolve(relative));
    }
    assertThat(size).isLessThan(1 << 20);
  }

  private static List<Path> files(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
    }
  }
}
