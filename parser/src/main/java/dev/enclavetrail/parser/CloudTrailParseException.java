package dev.enclavetrail.parser;

import dev.enclavetrail.core.CloudTrailFormatException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Thrown when input is not strict RFC 8259 JSON, is not valid UTF-8, is not a CloudTrail delivery
 * shape, or exceeds a configured limit.
 *
 * <p>The root of the unchecked exceptions of {@code enclavetrail-parser}. {@link #byteOffset()} is
 * the 0-based offset of the offending byte: within the file (after gzip inflation) when {@link
 * CloudTrailReader} reports it, within the buffer handed to the JSON engine otherwise. {@link
 * #line()} and {@link #column()} are 1-based; the column counts bytes. {@link #file()} and {@link
 * #recordIndex()} say which file and which record of it (0-based), when known. {@link #reason()} is
 * one line, without the location, and never echoes more than about 100 bytes of input. The message
 * is the reason, then where:
 *
 * <pre>{@code
 * unexpected character `}` (code 125): expected a value at byte 1042 (line 3, column 17)
 * nesting depth 513 exceeds `maxNestingDepth` (512) in logs/a.json record 3 at byte 512 (line 1, column 513)
 * }</pre>
 */
public final class CloudTrailParseException extends CloudTrailFormatException {

  private static final long serialVersionUID = 1L;

  private final @Nullable String file;
  private final long recordIndex;

  /**
   * Creates an exception located at {@code byteOffset}, without a file.
   *
   * @param reason one-line reason, lower case, without the location
   * @param byteOffset 0-based offset of the offending byte in the input buffer
   * @param line 1-based line of that byte
   * @param column 1-based column of that byte, in bytes
   */
  CloudTrailParseException(String reason, long byteOffset, int line, int column) {
    this(reason, null, null, -1, byteOffset, line, column, null);
  }

  /**
   * Creates an exception located in a file.
   *
   * @param reason one-line reason, lower case, without the location
   * @param field dotted path of the field at fault, or null
   * @param file name of the file, or null
   * @param recordIndex 0-based index of the record in the file, or -1
   * @param byteOffset 0-based offset of the offending byte in the file, or -1
   * @param line 1-based line of that byte, or -1
   * @param column 1-based column of that byte, in bytes, or -1
   * @param cause the underlying exception, or null
   */
  CloudTrailParseException(
      String reason,
      @Nullable String field,
      @Nullable String file,
      long recordIndex,
      long byteOffset,
      int line,
      int column,
      @Nullable Throwable cause) {
    super(reason, field, byteOffset, line, column, cause);
    this.file = file;
    this.recordIndex = recordIndex;
  }

  /** Returns the name of the file (or stream) the error is in, when a reader reported it. */
  public Optional<String> file() {
    return Optional.ofNullable(file);
  }

  /**
   * Returns the 0-based index of the record the error is in, within its file; -1 when the error is
   * not in a record (a broken {@code Records} wrapper, a truncated gzip stream between records) or
   * not from a reader.
   */
  public long recordIndex() {
    return recordIndex;
  }

  /**
   * Returns the reason, then {@code in <file> record <n>} when known, then {@code at byte <offset>
   * (line <l>, column <c>)}; one line.
   */
  @Override
  public String getMessage() {
    String located = super.getMessage();
    if (file == null && recordIndex < 0) {
      return located;
    }
    String reason = reason();
    StringBuilder m = new StringBuilder(located.length() + 64).append(reason);
    if (file != null) {
      m.append(" in ").append(file);
    }
    if (recordIndex >= 0) {
      m.append(" record ").append(recordIndex);
    }
    return m.append(located, reason.length(), located.length()).toString();
  }
}
