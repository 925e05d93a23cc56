package dev.enclavetrail.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * A one-line progress report on stderr, rewritten at most twice a second; silent unless stderr is a
 * terminal.
 */
final class Progress {

  private static final long INTERVAL_NANOS = 500_000_000L;

  private final PrintWriter err;
  private final boolean enabled;
  private long records;
  private long last = System.nanoTime();
  private boolean shown;

  Progress(PrintWriter err, boolean enabled) {
    this.err = err;
    this.enabled = enabled;
  }

  /** Counts one record, showing the count now and then. */
  void record() {
    records++;
    if (enabled && (records & 1023) == 0) {
      long now = System.nanoTime();
      if (now - last >= INTERVAL_NANOS) {
        last = now;
        shown = true;
        err.print(String.format(Locale.ROOT, "\r%,d records read…", records));
        err.flush();
      }
    }
  }

  /** Clears the progress line before the command's own messages. */
  void done() {
    if (shown) {
      err.print("\r" + " ".repeat(40) + "\r");
      err.flush();
    }
  }
}
