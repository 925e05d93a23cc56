package dev.enclavetrail.parser;

import java.util.Arrays;

/** A growable byte array, reused: compact JSON being written, an embedded record decoded. */
final class ByteBuilder {

  private byte[] bytes;
  private int size;

  ByteBuilder(int capacity) {
    this.bytes = new byte[capacity];
  }

  /** Empties the builder, keeping its array. */
  void clear() {
    size = 0;
  }

  /** Returns the array (valid up to {@link #size()}). */
  byte[] array() {
    return bytes;
  }

  /** Returns the number of bytes appended since {@link #clear()}. */
  int size() {
    return size;
  }

  /** Makes room for {@code more} bytes. */
  void ensure(int more) {
    long needed = (long) size + more;
    if (needed > bytes.length) {
      if (needed > Integer.MAX_VALUE - 8) {
        throw new OutOfMemoryError("byte builder of " + needed + " bytes");
      }
      bytes =
          Arrays.copyOf(
              bytes, (int) Math.max(needed, Math.min(bytes.length * 2L, Integer.MAX_VALUE - 8)));
    }
  }

  void append(int b) {
    if (size == bytes.length) {
      ensure(1);
    }
    bytes[size++] = (byte) b;
  }

  /** Appends {@code length} bytes of {@code in} from {@code index}. */
  void append(JsonInput in, int index, int length) {
    ensure(length);
    in.copyTo(index, bytes, size, length);
    size += length;
  }
}
