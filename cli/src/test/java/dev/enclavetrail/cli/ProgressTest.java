package dev.enclavetrail.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressTest {

  private final StringWriter text = new StringWriter();
  private long now;

  private Progress progress(boolean enabled) {
    return new Progress(new PrintWriter(text, true), enabled, () -> now);
  }

  private static void count(Progress p, int records) {
    for (int i = 0; i < records; i++) {
      p.record();
    }
  }

  @Test
  void record_halfSecondPassed_showsCountOnOneRewrittenLine() {
    Progress p = progress(true);
    now = 600_000_000L;
    count(p, 2048);
    assertThat(text.toString()).isEqualTo("\r1,024 records read…");
  }

  @Test
  void record_lessThanHalfSecond_showsNothing() {
    Progress p = progress(true);
    now = 400_000_000L;
    count(p, 4096);
    assertThat(text.toString()).isEmpty();
  }

  @Test
  void clear_afterShowing_blanksTheLineOnce() {
    Progress p = progress(true);
    now = 600_000_000L;
    count(p, 1024);
    p.clear();
    p.clear();
    assertThat(text.toString()).isEqualTo("\r1,024 records read…\r" + " ".repeat(40) + "\r");
  }

  @Test
  void disabled_neverWrites() {
    Progress p = progress(false);
    now = 10_000_000_000L;
    count(p, 4096);
    p.clear();
    assertThat(text.toString()).isEmpty();
  }
}
