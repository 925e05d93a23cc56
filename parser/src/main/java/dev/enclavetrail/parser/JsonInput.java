package dev.enclavetrail.parser;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The bytes the JSON engine reads: a {@code byte[]} or a {@link ByteBuffer} (heap, direct or
 * memory-mapped), addressed by absolute index and never copied.
 *
 * <p>Indices are absolute within the array or buffer; the buffer's position and limit are not used
 * or changed. Callers check bounds against the document's end before reading: {@link #byteAt(int)}
 * and {@link #longAt(int)} only fail (with {@link IndexOutOfBoundsException}) on a bug of the
 * engine.
 */
abstract sealed class JsonInput permits JsonInput.OfArray, JsonInput.OfBuffer {

  /**
   * Where line and column counting starts for errors: the byte at this index is taken to be at line
   * 1, column 1. 0 unless a reader parses one record of a larger buffer, in which case it converts
   * the location itself (so that an error costs the length of its record, not of the buffer).
   */
  int locateFrom;

  /**
   * True when the bytes end where the caller's data may go on (a reader's window): running out of
   * input then throws {@link OutOfInput#INSTANCE} instead of an error, and {@link #outOfInput}
   * holds what was expected there.
   */
  boolean stopAtEnd;

  /** What the engine expected where the input ran out, when {@link #stopAtEnd} is set. */
  String outOfInput = "";

  private JsonInput() {}

  /** Returns an input over {@code array}. */
  static JsonInput of(byte[] array) {
    return new OfArray(array);
  }

  /** Returns an input over {@code buffer}, indexed from 0 up to its limit. */
  static JsonInput of(ByteBuffer buffer) {
    return new OfBuffer(buffer);
  }

  /** Returns the number of addressable bytes: the array length or the buffer limit. */
  abstract int capacity();

  /** Returns the byte at {@code index}, unsigned (0 to 255). */
  abstract int byteAt(int index);

  /** Returns the 8 bytes at {@code index} as a little-endian long (byte {@code index} lowest). */
  abstract long longAt(int index);

  /** Returns true if the {@code bytes.length} bytes at {@code index} equal {@code bytes}. */
  abstract boolean regionEquals(int index, byte[] bytes);

  /** Returns true if the {@code length} bytes at {@code a} equal those at {@code b}. */
  abstract boolean regionEquals(int a, int b, int length);

  /** Copies the {@code length} bytes at {@code index} into {@code dest} at {@code destPos}. */
  abstract void copyTo(int index, byte[] dest, int destPos, int length);

  /** Returns the {@code length} bytes at {@code index}, valid UTF-8, decoded. */
  abstract String utf8(int index, int length);

  /** Returns the {@code length} bytes at {@code index}, all ASCII, as a string. */
  abstract String ascii(int index, int length);

  /** Over a {@code byte[]}. */
  static final class OfArray extends JsonInput {
    private static final VarHandle LONGS =
        MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final byte[] array;

    OfArray(byte[] array) {
      this.array = array;
    }

    @Override
    int capacity() {
      return array.length;
    }

    @Override
    int byteAt(int index) {
      return array[index] & 0xFF;
    }

    @Override
    long longAt(int index) {
      return (long) LONGS.get(array, index);
    }

    @Override
    boolean regionEquals(int index, byte[] bytes) {
      return Arrays.equals(array, index, index + bytes.length, bytes, 0, bytes.length);
    }

    @Override
    boolean regionEquals(int a, int b, int length) {
      return Arrays.equals(array, a, a + length, array, b, b + length);
    }

    @Override
    void copyTo(int index, byte[] dest, int destPos, int length) {
      System.arraycopy(array, index, dest, destPos, length);
    }

    /** Returns the array itself (not a copy). */
    byte[] array() {
      return array;
    }

    @Override
    String utf8(int index, int length) {
      return new String(array, index, length, StandardCharsets.UTF_8);
    }

    @Override
    String ascii(int index, int length) {
      return new String(array, index, length, StandardCharsets.ISO_8859_1);
    }
  }

  /** Over a {@link ByteBuffer}, read with absolute gets only. */
  static final class OfBuffer extends JsonInput {
    private static final VarHandle LONGS =
        MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final ByteBuffer buffer;

    OfBuffer(ByteBuffer buffer) {
      this.buffer = buffer;
    }

    @Override
    int capacity() {
      return buffer.limit();
    }

    @Override
    int byteAt(int index) {
      return buffer.get(index) & 0xFF;
    }

    @Override
    long longAt(int index) {
      return (long) LONGS.get(buffer, index);
    }

    @Override
    boolean regionEquals(int index, byte[] bytes) {
      for (int i = 0; i < bytes.length; i++) {
        if (buffer.get(index + i) != bytes[i]) {
          return false;
        }
      }
      return true;
    }

    @Override
    boolean regionEquals(int a, int b, int length) {
      for (int i = 0; i < length; i++) {
        if (buffer.get(a + i) != buffer.get(b + i)) {
          return false;
        }
      }
      return true;
    }

    @Override
    void copyTo(int index, byte[] dest, int destPos, int length) {
      buffer.get(index, dest, destPos, length);
    }

    private byte[] copy(int index, int length) {
      byte[] out = new byte[length];
      buffer.get(index, out);
      return out;
    }

    @Override
    String utf8(int index, int length) {
      return new String(copy(index, length), StandardCharsets.UTF_8);
    }

    @Override
    String ascii(int index, int length) {
      return new String(copy(index, length), StandardCharsets.ISO_8859_1);
    }
  }

  /**
   * Thrown instead of an error when the input runs out and {@link #stopAtEnd} is set: the caller
   * fetches more bytes and parses again. One shared instance without a stack trace, so running out
   * costs nothing.
   */
  static final class OutOfInput extends RuntimeException {
    private static final long serialVersionUID = 1L;

    // A control-flow signal without a stack trace, caught by the reader that asked for it.
    @SuppressWarnings("StaticAssignmentOfThrowable")
    static final OutOfInput INSTANCE = new OutOfInput();

    private OutOfInput() {
      super("out of input", null, false, false);
    }
  }
}
