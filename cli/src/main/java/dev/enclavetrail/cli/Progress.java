package dev.enclavetrail.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A one-line progress report on stderr, rewritten at most twice a second; silent unless stderr is a
 * terminal.
 */
final class Progress {

  private static final long INTERVAL_NANOS = 500_000_000L;

  private final PrintWriter err;
  private final boolean enabled;
  private final LongSupplier clock;
  private long records;
  private long last;
  private boolean shown;

  Progress(PrintWriter err, boolean enabled) {
    this(err, enabled, System::nanoTime);
  }

  /** With {@code clock} (nanoseconds) deciding when the count is shown again. */
  Progress(PrintWriter err, boolean enabled, LongSupplier clock) {
    this.err = err;
    this.enabled = enabled;
    this.clock = clock;
    this.last = clock.getAsLong();
  }

  /** Counts one record, showing the count now and then. */
  void record() {
    records++;
    if (enabled && (records & 1023) == 0) {
      long now = clock.getAsLong();
      if (now - last >= INTERVAL_NANOS) {
        last = now;
        shown = true;
        err.print(String.format(Locale.ROOT, "\r%,d records read…", records));
        err.flush();
      }
    }
  }

  /** Clears the progress line, if one is shown, before the command's own messages. */
  void clear() {
    if (shown) {
      shown = false;
      err.print("\r" + " ".repeat(40) + "\r");
      err.flush();
    }
  }
}
