package dev.enclavetrail.parser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/** Test inputs: the repository's shared {@code testdata/} folder and this module's resources. */
final class TestData {

  private TestData() {}

  /** Returns the shared test-data folder (surefire passes it as {@code enclavetrail.testdata}). */
  static Path dir() {
    String configured = System.getProperty("enclavetrail.testdata");
    return Path.of(configured != null ? configured : "../testdata");
  }

  /** Returns the {@code .json} files of a folder, sorted by name. */
  static List<Path> jsonFiles(Path folder) {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns the folder of a test resource (resources are a directory during the build). */
  static Path resourceDir(String name) {
    URL url = TestData.class.getResource(name);
    if (url == null) {
      throw new IllegalArgumentException("no test resource " + name);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** Returns the lines of a test resource that are neither blank nor {@code #} comments. */
  static List<String> caseLines(String name) {
    try {
      return Files.readAllLines(resourceDir(name), StandardCharsets.UTF_8).stream()
          .filter(l -> !l.isBlank() && !l.startsWith("#"))
          .toList();
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

  /** Returns the UTF-8 bytes of {@code text}. */
  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Decodes the escaped form used in case files: {@code \n}, {@code \r}, {@code \t}, {@code \\} and
   * {@code \xNN} (one byte); every other character is UTF-8.
   */
  static byte[] unescape(String text) {
    var out = new java.io.ByteArrayOutputStream();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != '\\') {
        out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
        continue;
      }
      char e = text.charAt(++i);
      switch (e) {
        case 'n' -> out.write('\n');
        case 'r' -> out.write('\r');
        case 't' -> out.write('\t');
        case '\\' -> out.write('\\');
        case 'x' -> {
          out.write(HexFormat.fromHexDigits(text, i + 1, i + 3));
          i += 2;
        }
        default -> throw new IllegalArgumentException("bad escape \\" + e + " in " + text);
      }
    }
    return out.toByteArray();
  }
}
