package dev.enclavetrail.parser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Reads CloudTrail records from files, directories and streams in every shape CloudTrail delivers
 * them, fast and strictly, handing each record to a handler (or an iterator) as a {@link
 * RecordView} as soon as it is read.
 *
 * <pre>{@code
 * CloudTrailReader reader = CloudTrailReader.create();          // strict
 * ReadSummary summary = reader.read(Path.of("AWSLogs"), view -> {
 *   if (view.isKms() && view.hasRecipient()) {
 *     System.out.println(view.recipient().orElseThrow().moduleId());
 *   }
 * });
 *
 * CloudTrailReader lenient = CloudTrailReader.builder()
 *     .lenient(e -> System.err.println(e.getMessage()))   // report each bad record, go on
 *     .build();
 * }</pre>
 *
 * <p><b>Shapes.</b> Each input's shape is detected from its content, never its name ({@link
 * DeliveryShape}): a log file {@code {"Records":[...]}}, one record, JSON lines (NDJSON),
 * EventBridge events (alone or one per line), {@code lookup-events} output, or a digest file
 * (recognised, counted, no records). Gzip is detected by its magic bytes and inflated as it is read
 * (several members allowed). Directories are walked recursively, files in sorted path order,
 * skipping names that start with a dot; {@link SourceFile} gives the account, region and delivery
 * time of CloudTrail's file names. An empty input holds no records.
 *
 * <p><b>Memory.</b> Records stream: a reader holds one window of the input (256 KiB, more only for
 * a record that needs it, never more than {@code maxRecordSize}) and the structure of one record,
 * so a file of any size is read with a small fixed heap. A {@code Records} or {@code Events} array
 * is streamed only when it is the first member of its object; any other top-level value must fit in
 * {@code maxRecordSize}.
 *
 * <p><b>Strictness.</b> Every record is strict RFC 8259 JSON in UTF-8, with no repeated member name
 * in any object; each limit ({@link Builder#maxNestingDepth(int)}, {@link
 * Builder#maxRecordSize(int)}, {@link Builder#maxStringLength(int)}) is named in the message when
 * exceeded. A strict reader throws {@link CloudTrailParseException} at the first malformed byte,
 * with file, record index, byte offset (in the uncompressed input), line, column and a one-line
 * reason. A lenient reader reports each error to its {@link RecordErrorHandler} and carries on:
 * with the next element of a {@code Records} array when the damage allows, the next line of JSON
 * lines, the next file otherwise. A truncated file (JSON or gzip) delivers every complete record
 * before reporting the truncation. In both modes {@link ReadSummary#seen()} is {@link
 * ReadSummary#delivered()} + {@link ReadSummary#rejected()}.
 *
 * <p>A missing path throws {@link UncheckedIOException} wrapping {@link NoSuchFileException},
 * before anything is read; any other I/O error throws {@link UncheckedIOException}. Instances are
 * immutable and thread-safe; each call reads on the calling thread, reusing that thread's buffers
 * from call to call.
 */
public final class CloudTrailReader {

  /** The default {@code maxRecordSize}: 16 MiB. */
  public static final int DEFAULT_MAX_RECORD_SIZE = 16 * 1024 * 1024;

  /** The largest {@code maxRecordSize}: 512 MiB. */
  public static final int MAX_RECORD_SIZE_LIMIT = JsonOptions.MAX_DOCUMENT_SIZE_LIMIT;

  private final @Nullable RecordErrorHandler onError;
  private final int maxRecordSize;
  private final JsonOptions options;

  // Per reader, not static: a session's engines are built for this reader's limits. The entry of a
  // reader that is no longer used goes with it (ThreadLocal keys are weak).
  @SuppressWarnings("ThreadLocalUsage")
  private final ThreadLocal<@Nullable ReadSession> sessions = new ThreadLocal<>();

  private CloudTrailReader(Builder b) {
    this.onError = b.onError;
    this.maxRecordSize = b.maxRecordSize;
    this.options =
        JsonOptions.builder()
            .maxNestingDepth(b.maxNestingDepth)
            .maxStringLength(b.maxStringLength)
            .maxDocumentSize(b.maxRecordSize)
            .rejectDuplicateNames(true)
            .build();
  }

  /** Returns a strict reader with the default limits. */
  public static CloudTrailReader create() {
    return builder().build();
  }

  /** Returns a builder of a reader: strict, with the default limits, unless told otherwise. */
  public static Builder builder() {
    return new Builder();
  }

  /** Sets the mode and limits of a {@link CloudTrailReader}. */
  public static final class Builder {
    private @Nullable RecordErrorHandler onError;
    private int maxNestingDepth = JsonOptions.DEFAULT_MAX_NESTING_DEPTH;
    private int maxRecordSize = DEFAULT_MAX_RECORD_SIZE;
    private int maxStringLength = JsonOptions.DEFAULT_MAX_STRING_LENGTH;

    private Builder() {}

    /**
     * Makes the reader lenient: each malformed record is reported to {@code handler} and skipped.
     */
    public Builder lenient(RecordErrorHandler handler) {
      this.onError = Objects.requireNonNull(handler, "handler");
      return this;
    }

    /** Makes the reader strict (the default): the first malformed byte throws. */
    public Builder strict() {
      this.onError = null;
      return this;
    }

    /** Sets the deepest nesting of arrays and objects in a record (default 512). */
    public Builder maxNestingDepth(int depth) {
      this.maxNestingDepth = depth;
      return this;
    }

    /**
     * Sets the largest record, in bytes of JSON (default 16 MiB, at most 512 MiB); also bounds any
     * top-level value that is not a streamed {@code Records} or {@code Events} array.
     */
    public Builder maxRecordSize(int bytes) {
      this.maxRecordSize = bytes;
      return this;
    }

    /** Sets the longest string, in bytes of its JSON text between the quotes (default 16 MiB). */
    public Builder maxStringLength(int bytes) {
      this.maxStringLength = bytes;
      return this;
    }

    /**
     * Returns the reader.
     *
     * @throws IllegalArgumentException if a limit is out of range
     */
    public CloudTrailReader build() {
      if (maxNestingDepth < 1) {
        throw new IllegalArgumentException("`maxNestingDepth` out of range: " + maxNestingDepth);
      }
      if (maxRecordSize < 1 || maxRecordSize > MAX_RECORD_SIZE_LIMIT) {
        throw new IllegalArgumentException("`maxRecordSize` out of range: " + maxRecordSize);
      }
      if (maxStringLength < 0) {
        throw new IllegalArgumentException("`maxStringLength` out of range: " + maxStringLength);
      }
      return new CloudTrailReader(this);
    }
  }

  /** Returns true if this reader reports errors to a handler and carries on. */
  public boolean isLenient() {
    return onError != null;
  }

  /**
   * Reads a file, or every file under a directory (recursively, in sorted path order), handing each
   * record to {@code handler}.
   *
   * @throws CloudTrailParseException in strict mode, at the first malformed byte
   * @throws UncheckedIOException if the path does not exist ({@link NoSuchFileException}) or cannot
   *     be read
   */
  public ReadSummary read(Path fileOrDirectory, RecordHandler handler) {
    return read(List.of(fileOrDirectory), handler);
  }

  /**
   * Reads files and directories in the order given (each directory's files in sorted path order),
   * handing each record to {@code handler}. Every path is checked before anything is read.
   *
   * @throws CloudTrailParseException in strict mode, at the first malformed byte
   * @throws UncheckedIOException if a path does not exist ({@link NoSuchFileException}) or cannot
   *     be read
   */
  public ReadSummary read(List<Path> paths, RecordHandler handler) {
    Objects.requireNonNull(handler, "handler");
    return run(inputs(paths), handler);
  }

  /**
   * Reads {@code in} to its end, its shape detected from its content (gzip inflated), handing each
   * record to {@code handler}; {@code sourceName} names it in {@link SourceFile} and in errors. The
   * stream is not closed.
   *
   * @throws CloudTrailParseException in strict mode, at the first malformed byte
   * @throws UncheckedIOException if the stream cannot be read
   */
  public ReadSummary read(InputStream in, String sourceName, RecordHandler handler) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(sourceName, "sourceName");
    Objects.requireNonNull(handler, "handler");
    return run(List.of(new ReadSession.Input(null, in, sourceName)), handler);
  }

  /**
   * Reads one input held in memory, for example an object fetched from S3, its shape detected from
   * its content, handing each record to {@code handler}; {@code sourceName} names it in {@link
   * SourceFile} and in errors. Uncompressed bytes are read in place, without a copy; gzip is
   * inflated as it is read. The array must not change while it is read.
   *
   * @throws CloudTrailParseException in strict mode, at the first malformed byte
   */
  public ReadSummary read(byte[] input, String sourceName, RecordHandler handler) {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(sourceName, "sourceName");
    Objects.requireNonNull(handler, "handler");
    return run(List.of(new ReadSession.Input(null, null, input, sourceName)), handler);
  }

  /**
   * Returns the records of files and directories as an iterator, read as it advances; close it to
   * release the file being read. Every path is checked now.
   *
   * @throws UncheckedIOException if a path does not exist ({@link NoSuchFileException})
   */
  public RecordStream stream(List<Path> paths) {
    return new RecordStream(newSession().start(inputs(paths)));
  }

  /**
   * Returns the records of {@code in} as an iterator, read as it advances; the stream is not
   * closed.
   */
  public RecordStream stream(InputStream in, String sourceName) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(sourceName, "sourceName");
    return new RecordStream(
        newSession().start(List.of(new ReadSession.Input(null, in, sourceName))));
  }

  /**
   * Returns the records of one input held in memory as an iterator, read in place as it advances
   * (see {@link #read(byte[], String, RecordHandler)}); the array must not change until the
   * iterator is closed.
   */
  public RecordStream stream(byte[] input, String sourceName) {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(sourceName, "sourceName");
    return new RecordStream(
        newSession().start(List.of(new ReadSession.Input(null, null, input, sourceName))));
  }

  private ReadSummary run(List<ReadSession.Input> inputs, RecordHandler handler) {
    ReadSession session = sessions.get();
    boolean cached = session != null && !session.inUse();
    if (session == null || !cached) {
      session = newSession();
    }
    session.start(inputs);
    try {
      for (RecordView view = session.next(); view != null; view = session.next()) {
        try {
          handler.record(view);
        } catch (CloudTrailParseException e) {
          session.rejectDelivered(e);
          continue;
        }
        session.delivered();
      }
      return session.summary();
    } finally {
      session.close();
      if (session.worthKeeping()) {
        if (!cached && sessions.get() == null) {
          sessions.set(session);
        }
      } else if (cached) {
        sessions.remove();
      }
    }
  }

  private ReadSession newSession() {
    return new ReadSession(maxRecordSize, options, onError);
  }

  /** Expands directories and checks that every path exists. */
  private static List<ReadSession.Input> inputs(List<Path> paths) {
    List<ReadSession.Input> out = new ArrayList<>();
    for (Path p : paths) {
      Objects.requireNonNull(p, "path");
      if (Files.isDirectory(p)) {
        try (Stream<Path> walk = Files.walk(p)) {
          walk.filter(f -> Files.isRegularFile(f) && !hidden(p.relativize(f)))
              .sorted()
              .forEach(f -> out.add(new ReadSession.Input(f, null, f.toString())));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      } else if (Files.exists(p)) {
        out.add(new ReadSession.Input(p, null, p.toString()));
      } else {
        throw new UncheckedIOException(new NoSuchFileException(p.toString()));
      }
    }
    return out;
  }

  private static boolean hidden(Path relative) {
    for (Path part : relative) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }
}
