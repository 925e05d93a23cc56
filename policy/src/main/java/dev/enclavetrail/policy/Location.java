package dev.enclavetrail.policy;

/**
 * Where an element is written in a policy document.
 *
 * @param byteOffset 0-based byte offset of the element's first byte
 * @param line 1-based line
 * @param column 1-based column
 */
public record Location(long byteOffset, int line, int column) {

  @Override
  public String toString() {
    return "byte " + byteOffset + " (line " + line + ", column " + column + ")";
  }
}
