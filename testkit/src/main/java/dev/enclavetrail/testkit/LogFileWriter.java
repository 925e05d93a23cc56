package dev.enclavetrail.testkit;

import dev.enclavetrail.core.CloudTrailRecord;
import dev.enclavetrail.core.jackson.CloudTrailJackson;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/**
 * Streams records into one file, a CloudTrail log file ({@code {"Records":[...]}}) or NDJSON,
 * gzip-compressed or not, counting the uncompressed bytes; memory stays bounded by one record.
 *
 * <p>Each record is written by {@link CloudTrailJackson#writeRecord}, so a log file is byte for
 * byte what {@link CloudTrailJackson#writeLogFile} writes for the same records.
 */
final class LogFileWriter implements Closeable {

  private static final CloudTrailJackson JSON = CloudTrailJackson.create();
  private static final byte[] HEADER = "{\"Records\":[".getBytes(StandardCharsets.UTF_8);
  private static final byte[] FOOTER = "]}".getBytes(StandardCharsets.UTF_8);
  private static final int BUFFER = 1 << 16;

  enum Format {
    LOG_FILE,
    NDJSON
  }

  private final Format format;
  private final CountingOutputStream counter;
  private final OutputStream out;
  private long records;

  private LogFileWriter(Path file, Format format, boolean gzip) throws IOException {
    this.format = format;
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    OutputStream sink = new BufferedOutputStream(Files.newOutputStream(file), BUFFER);
    if (gzip) {
      sink = new GZIPOutputStream(sink, BUFFER);
    }
    this.counter = new CountingOutputStream(sink);
    this.out = new BufferedOutputStream(counter, BUFFER);
    if (format == Format.LOG_FILE) {
      out.write(HEADER);
    }
  }

  static LogFileWriter open(Path file, Format format, boolean gzip) {
    try {
      return new LogFileWriter(file, format, gzip);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write `" + file + "`", e);
    }
  }

  /** Writes every record of {@code records} to {@code file}, gzip-compressed when asked. */
  static long writeAll(Path file, Format format, boolean gzip, Iterable<CloudTrailRecord> records) {
    try (LogFileWriter w = open(file, format, gzip)) {
      for (CloudTrailRecord r : records) {
        w.write(r);
      }
      w.finish();
      return w.uncompressedBytes();
    }
  }

  void write(CloudTrailRecord record) {
    try {
      if (format == Format.LOG_FILE && records > 0) {
        out.write(',');
      }
      JSON.writeRecord(record, out);
      if (format == Format.NDJSON) {
        out.write('\n');
      }
      records++;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes the end of the file and flushes; {@link #uncompressedBytes()} is then exact. */
  void finish() {
    try {
      if (format == Format.LOG_FILE) {
        out.write(FOOTER);
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  long records() {
    return records;
  }

  long uncompressedBytes() {
    return counter.count;
  }

  @Override
  public void close() {
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final class CountingOutputStream extends FilterOutputStream {
    long count;

    CountingOutputStream(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      count += len;
    }
  }
}
