package dev.enclavetrail.parser;

import dev.enclavetrail.core.CloudTrailFormatException;

/**
 * Thrown when input is not strict RFC 8259 JSON, is not valid UTF-8, or exceeds a configured limit.
 *
 * <p>The root of the unchecked exceptions of {@code enclavetrail-parser}. {@link #byteOffset()} is
 * the 0-based offset of the offending byte within the buffer that was handed to the parser (not
 * within the document, when the document is a slice of a larger buffer), so a reader can add the
 * offset of the buffer within its file. {@link #line()} and {@link #column()} are 1-based; the
 * column counts bytes. {@link #reason()} is one line, without the location, and never echoes more
 * than about 100 bytes of input:
 *
 * <pre>{@code
 * unexpected character `}` (code 125): expected a value at byte 1042 (line 3, column 17)
 * nesting depth 513 exceeds `maxNestingDepth` (512) at byte 512 (line 1, column 513)
 * }</pre>
 */
public final class CloudTrailParseException extends CloudTrailFormatException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception located at {@code byteOffset}.
   *
   * @param reason one-line reason, lower case, without the location
   * @param byteOffset 0-based offset of the offending byte in the input buffer
   * @param line 1-based line of that byte
   * @param column 1-based column of that byte, in bytes
   */
  CloudTrailParseException(String reason, long byteOffset, int line, int column) {
    super(reason, null, byteOffset, line, column, null);
  }
}
