package dev.enclavetrail.parser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Streams far larger than the heap are read to the end: a JVM of its own with {@code -Xmx64m} reads
 * 600 MiB of JSON lines, one 600 MiB {@code {"Records":[...]}} and 300 MiB (uncompressed) of gzip,
 * all made on the fly ({@link BoundedMemoryMain}), and must deliver every record.
 */
class BoundedMemoryTest {

  @Test
  @Timeout(180)
  void read_streamsTenTimesTheHeap_everyRecordDeliveredWith64MiB()
      throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p =
        new ProcessBuilder(
                java,
                "-Xmx64m",
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path"),
                BoundedMemoryMain.class.getName(),
                "ndjson:600",
                "logfile:600",
                "gzip:300")
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(p.waitFor()).as(out).isZero();
    List<String> lines = out.lines().filter(l -> l.contains(" bytes=")).toList();
    assertThat(lines).as(out).hasSize(3);
    for (String line : lines) {
      Map<String, String> f = fields(line);
      assertThat(Long.parseLong(f.get("maxHeap"))).as(line).isLessThanOrEqualTo(64L << 20);
      assertThat(Long.parseLong(f.get("bytes"))).as(line).isGreaterThanOrEqualTo(300L << 20);
      assertThat(f.get("delivered")).as(line).isEqualTo(f.get("records"));
      assertThat(f.get("readAttested")).as(line).isEqualTo(f.get("attested"));
      assertThat(f.get("rejected")).as(line).isEqualTo("0");
      assertThat(Long.parseLong(f.get("records"))).as(line).isGreaterThan(100_000);
    }
  }

  private static Map<String, String> fields(String line) {
    Map<String, String> m = new HashMap<>();
    for (String part : line.split(" ", -1)) {
      int eq = part.indexOf('=');
      if (eq > 0) {
        m.put(part.substring(0, eq), part.substring(eq + 1));
      }
    }
    return m;
  }
}
