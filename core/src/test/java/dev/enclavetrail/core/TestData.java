package dev.enclavetrail.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Locates the repository's shared {@code testdata/} folder. */
final class TestData {

  private TestData() {}

  static Path dir() {
    String configured = System.getProperty("enclavetrail.testdata");
    return Path.of(configured != null ? configured : "../testdata");
  }

  /** Returns the {@code .json} files of a test-data folder, sorted by name. */
  static List<Path> jsonFiles(String folder) {
    try (Stream<Path> files = Files.list(dir().resolve(folder))) {
      return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] resource(String name) {
    try (var in = TestData.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
