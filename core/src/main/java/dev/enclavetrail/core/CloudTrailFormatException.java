package dev.enclavetrail.core;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Thrown when CloudTrail input is not what it must be: malformed JSON, or a known field of the
 * wrong type.
 *
 * <p>The root of the unchecked exceptions of {@code enclavetrail-core}. Positions are data: {@link
 * #byteOffset()}, {@link #line()} and {@link #column()} are {@code -1} when the input position is
 * not known (for example when a record was built from a {@link
 * dev.enclavetrail.core.json.JsonObject}); {@link #field()} names the field whose value had the
 * wrong type. {@link #getMessage()} is one line: the reason, then the location.
 */
public class CloudTrailFormatException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String reason;
  private final @Nullable String field;
  private final long byteOffset;
  private final int line;
  private final int column;

  /** Creates an exception for a field of the wrong type, without an input position. */
  public CloudTrailFormatException(String reason, @Nullable String field) {
    this(reason, field, -1, -1, -1, null);
  }

  /**
   * Creates an exception with an input position.
   *
   * @param reason one-line reason, lower case, without the location
   * @param field dotted path of the field at fault, or null
   * @param byteOffset 0-based offset of the offending byte, or -1
   * @param line 1-based line, or -1
   * @param column 1-based column, or -1
   * @param cause the underlying exception, or null
   */
  public CloudTrailFormatException(
      String reason,
      @Nullable String field,
      long byteOffset,
      int line,
      int column,
      @Nullable Throwable cause) {
    super(reason, cause);
    this.reason = reason;
    this.field = field;
    this.byteOffset = byteOffset;
    this.line = line;
    this.column = column;
  }

  /** Returns the reason without the location. */
  public String reason() {
    return reason;
  }

  /**
   * Returns the dotted path of the field at fault ({@code userIdentity.sessionContext.attributes}),
   * if known.
   */
  public Optional<String> field() {
    return Optional.ofNullable(field);
  }

  /** Returns the 0-based byte offset of the offending byte, or -1 when unknown. */
  public long byteOffset() {
    return byteOffset;
  }

  /** Returns the 1-based line of the offending byte, or -1 when unknown. */
  public int line() {
    return line;
  }

  /** Returns the 1-based column of the offending byte, or -1 when unknown. */
  public int column() {
    return column;
  }

  /**
   * Returns a copy of this exception located at the given position, keeping the reason and field.
   *
   * @param byteOffset 0-based offset, or -1
   * @param line 1-based line, or -1
   * @param column 1-based column, or -1
   */
  public CloudTrailFormatException at(long byteOffset, int line, int column) {
    return new CloudTrailFormatException(reason, field, byteOffset, line, column, this);
  }

  @Override
  public String getMessage() {
    if (byteOffset < 0 && line < 0) {
      return reason;
    }
    StringBuilder m = new StringBuilder(reason).append(" at");
    if (byteOffset >= 0) {
      m.append(" byte ").append(byteOffset);
    }
    if (line >= 0) {
      m.append(byteOffset >= 0 ? " (" : " ").append("line ").append(line);
      if (column >= 0) {
        m.append(", column ").append(column);
      }
      if (byteOffset >= 0) {
        m.append(')');
      }
    }
    return m.toString();
  }
}
