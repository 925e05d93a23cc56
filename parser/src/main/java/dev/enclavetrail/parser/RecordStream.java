package dev.enclavetrail.parser;

import java.util.Iterator;
import java.util.NoSuchElementException;
import org.jspecify.annotations.Nullable;

/**
 * The records of one or more inputs as an iterator, read as it advances; from {@link
 * CloudTrailReader#stream(java.util.List)}.
 *
 * <pre>{@code
 * try (RecordStream records = reader.stream(List.of(dir))) {
 *   while (records.hasNext()) {
 *     RecordView view = records.next();      // valid until hasNext(), next() or close()
 *     if (view.isKms()) {
 *       kept.add(view.toRecord());
 *     }
 *   }
 *   ReadSummary summary = records.summary();
 * }
 * }</pre>
 *
 * <p>Every {@link RecordView} returned is the same object, showing the current record: it is valid
 * until the next call to {@link #hasNext()}, {@link #next()} or {@link #close()}. In strict mode
 * {@link #hasNext()} and {@link #next()} throw {@link CloudTrailParseException} at the first error,
 * and the stream is then over (closed); in lenient mode errors go to the reader's handler. A record
 * is counted as delivered when {@link #next()} returns it. {@link #close()} closes the file being
 * read; it is idempotent. Not thread-safe.
 */
public final class RecordStream implements Iterator<RecordView>, AutoCloseable {

  private final ReadSession session;
  private @Nullable RecordView next;
  private boolean done;

  RecordStream(ReadSession session) {
    this.session = session;
  }

  /**
   * Returns true if there is another record, reading up to it; the view last returned is no longer
   * valid.
   *
   * @throws CloudTrailParseException in strict mode, at the first error
   * @throws java.io.UncheckedIOException if an input cannot be read
   */
  @Override
  public boolean hasNext() {
    if (next == null && !done) {
      try {
        next = session.next();
      } catch (RuntimeException e) {
        done = true;
        session.close();
        throw e;
      }
      if (next == null) {
        done = true;
        session.close();
      }
    }
    return next != null;
  }

  /**
   * Returns the next record's view, valid until the next call to this stream.
   *
   * @throws NoSuchElementException if there is none
   * @throws CloudTrailParseException in strict mode, at the first error
   */
  @Override
  public RecordView next() {
    if (!hasNext()) {
      throw new NoSuchElementException("no more records");
    }
    RecordView v = java.util.Objects.requireNonNull(next);
    next = null;
    session.delivered();
    return v;
  }

  /** Returns the counts so far: final once {@link #hasNext()} has returned false. */
  public ReadSummary summary() {
    return session.summary();
  }

  /** Closes the file being read and ends the stream. */
  @Override
  public void close() {
    done = true;
    next = null;
    session.close();
  }
}
