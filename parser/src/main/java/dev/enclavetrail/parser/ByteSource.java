package dev.enclavetrail.parser;

import java.io.IOException;
import java.io.InputStream;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.jspecify.annotations.Nullable;

/**
 * The uncompressed bytes of one input, read into the caller's array: plain, or inflated from gzip
 * (detected by its magic bytes, concatenated members allowed).
 *
 * <p>{@link #read} fills what it can and returns the count, or -1 at the end. A gzip stream that is
 * truncated or corrupt first returns every byte inflated before the damage, then throws {@link
 * Malformed} on the next call, so a reader delivers every complete record before reporting it.
 */
abstract sealed class ByteSource permits ByteSource.Plain, ByteSource.Gzip {

  /** The first two bytes of every gzip member. */
  private static final int GZIP_MAGIC_1 = 0x1f;

  private static final int GZIP_MAGIC_2 = 0x8b;

  private ByteSource() {}

  /**
   * Returns a source over {@code in}, gzip if it starts with the gzip magic bytes; reads the first
   * two bytes of {@code in} into {@code buffer}, which the source then owns (a gzip source keeps
   * compressed bytes in it).
   */
  static ByteSource open(InputStream in, byte[] buffer, Inflater inflater, CRC32 crc)
      throws IOException {
    int n = 0;
    while (n < 2) {
      // Only the magic bytes: a plain input is then read straight into the reader's window.
      int k = in.read(buffer, n, 2 - n);
      if (k < 0) {
        break;
      }
      n += k;
    }
    if (isGzip(buffer, n)) {
      return new Gzip(in, buffer, n, inflater, crc);
    }
    return new Plain(in, buffer, n);
  }

  /** Returns true if the first {@code length} bytes of {@code bytes} start with gzip's magic. */
  static boolean isGzip(byte[] bytes, int length) {
    return length >= 2 && (bytes[0] & 0xFF) == GZIP_MAGIC_1 && (bytes[1] & 0xFF) == GZIP_MAGIC_2;
  }

  /** Returns true if the bytes are inflated from gzip. */
  abstract boolean compressed();

  /**
   * Reads up to {@code length} bytes into {@code into} at {@code offset}; returns how many (at
   * least 1), or -1 at the end of the input.
   *
   * @throws IOException if reading the underlying stream fails
   * @throws Malformed if the compressed data is truncated or corrupt (after every good byte has
   *     been returned)
   */
  abstract int read(byte[] into, int offset, int length) throws IOException, Malformed;

  /** Compressed input that is truncated or corrupt; the message is a one-line reason. */
  static final class Malformed extends Exception {
    private static final long serialVersionUID = 1L;

    Malformed(String reason) {
      super(reason, null, false, false);
    }
  }

  /** Bytes as they are: first those read while detecting, then the stream's. */
  static final class Plain extends ByteSource {
    private final InputStream in;
    private final byte[] head;
    private int headPos;
    private final int headLength;

    Plain(InputStream in, byte[] head, int headLength) {
      this.in = in;
      this.head = head;
      this.headLength = headLength;
    }

    @Override
    boolean compressed() {
      return false;
    }

    @Override
    int read(byte[] into, int offset, int length) throws IOException {
      if (headPos < headLength) {
        int n = Math.min(length, headLength - headPos);
        System.arraycopy(head, headPos, into, offset, n);
        headPos += n;
        return n;
      }
      for (; ; ) {
        int n = in.read(into, offset, length);
        if (n != 0 || length == 0) {
          return n;
        }
      }
    }
  }

  /**
   * Gzip (RFC 1952) inflated with the JDK's {@link Inflater}: headers parsed here, each member's
   * CRC-32 and length checked, members after the first inflated in turn.
   */
  static final class Gzip extends ByteSource {
    private static final int FHCRC = 2;
    private static final int FEXTRA = 4;
    private static final int FNAME = 8;
    private static final int FCOMMENT = 16;
    private static final int RESERVED = 0xE0;

    private static final int HEADER = 0;
    private static final int DATA = 1;
    private static final int TRAILER = 2;
    private static final int END = 3;

    private final InputStream in;
    private final byte[] buffer;
    private int bufferPos;
    private int bufferLength;
    private boolean inputEnded;
    private final Inflater inflater;
    private final CRC32 crc;
    private int state = HEADER;
    private int members;
    private long memberBytes;
    private @Nullable String pending;

    Gzip(InputStream in, byte[] buffer, int length, Inflater inflater, CRC32 crc) {
      this.in = in;
      this.buffer = buffer;
      this.bufferLength = length;
      this.inflater = inflater;
      this.crc = crc;
      inflater.reset();
    }

    @Override
    boolean compressed() {
      return true;
    }

    @Override
    int read(byte[] into, int offset, int length) throws IOException, Malformed {
      if (pending != null) {
        throw new Malformed(pending);
      }
      int n = 0;
      try {
        while (n < length && state != END) {
          switch (state) {
            case HEADER -> header();
            case DATA -> n += inflate(into, offset + n, length - n);
            default -> trailer();
          }
        }
      } catch (Malformed e) {
        if (n == 0) {
          throw e;
        }
        pending = e.getMessage();
      }
      return n == 0 && state == END ? -1 : n;
    }

    private int inflate(byte[] into, int offset, int length) throws IOException, Malformed {
      if (inflater.needsInput()) {
        if (bufferPos == bufferLength && !more()) {
          throw new Malformed("unexpected end of gzip data: the compressed input is truncated");
        }
        inflater.setInput(buffer, bufferPos, bufferLength - bufferPos);
        bufferPos = bufferLength;
      }
      int k;
      try {
        k = inflater.inflate(into, offset, length);
      } catch (DataFormatException e) {
        throw new Malformed("invalid gzip data: " + String.valueOf(e.getMessage()));
      }
      crc.update(into, offset, k);
      memberBytes += k;
      if (inflater.finished()) {
        bufferPos = bufferLength - inflater.getRemaining();
        state = TRAILER;
      } else if (k == 0 && inflater.needsDictionary()) {
        throw new Malformed("invalid gzip data: a preset dictionary is required");
      }
      return k;
    }

    private void header() throws IOException, Malformed {
      if (members > 0 && !available(1)) {
        state = END;
        return;
      }
      if (!available(2)
          || (buffer[bufferPos] & 0xFF) != GZIP_MAGIC_1
          || (buffer[bufferPos + 1] & 0xFF) != GZIP_MAGIC_2) {
        throw new Malformed(
            members == 0
                ? "invalid gzip header"
                : "unexpected data after the end of gzip member " + members);
      }
      if (!available(10)) {
        throw new Malformed("unexpected end of gzip data: truncated gzip header");
      }
      int p = bufferPos;
      if (buffer[p + 2] != 8) {
        throw new Malformed("unsupported gzip compression method " + (buffer[p + 2] & 0xFF));
      }
      int flags = buffer[p + 3] & 0xFF;
      if ((flags & RESERVED) != 0) {
        throw new Malformed("invalid gzip header: reserved flags set");
      }
      bufferPos += 10;
      if ((flags & FEXTRA) != 0) {
        if (!available(2)) {
          throw new Malformed("unexpected end of gzip data: truncated gzip header");
        }
        int extra = (buffer[bufferPos] & 0xFF) | (buffer[bufferPos + 1] & 0xFF) << 8;
        bufferPos += 2;
        skip(extra);
      }
      if ((flags & FNAME) != 0) {
        skipZeroTerminated();
      }
      if ((flags & FCOMMENT) != 0) {
        skipZeroTerminated();
      }
      if ((flags & FHCRC) != 0) {
        skip(2);
      }
      inflater.reset();
      crc.reset();
      memberBytes = 0;
      members++;
      state = DATA;
    }

    private void trailer() throws IOException, Malformed {
      if (!available(8)) {
        throw new Malformed("unexpected end of gzip data: truncated gzip trailer");
      }
      long expectedCrc = int32(bufferPos);
      long expectedSize = int32(bufferPos + 4);
      bufferPos += 8;
      if (expectedCrc != crc.getValue()) {
        throw new Malformed(
            "gzip checksum mismatch in member "
                + members
                + ": CRC-32 0x"
                + Long.toHexString(crc.getValue())
                + ", expected 0x"
                + Long.toHexString(expectedCrc));
      }
      if (expectedSize != (memberBytes & 0xFFFFFFFFL)) {
        throw new Malformed(
            "gzip length mismatch in member "
                + members
                + ": "
                + memberBytes
                + " bytes, expected "
                + expectedSize
                + " (mod 2^32)");
      }
      state = HEADER;
    }

    private long int32(int p) {
      return (buffer[p] & 0xFFL)
          | (buffer[p + 1] & 0xFFL) << 8
          | (buffer[p + 2] & 0xFFL) << 16
          | (buffer[p + 3] & 0xFFL) << 24;
    }

    private void skip(int count) throws IOException, Malformed {
      int left = count;
      while (left > 0) {
        if (!available(1)) {
          throw new Malformed("unexpected end of gzip data: truncated gzip header");
        }
        int k = Math.min(left, bufferLength - bufferPos);
        bufferPos += k;
        left -= k;
      }
    }

    private void skipZeroTerminated() throws IOException, Malformed {
      for (; ; ) {
        if (!available(1)) {
          throw new Malformed("unexpected end of gzip data: truncated gzip header");
        }
        if (buffer[bufferPos++] == 0) {
          return;
        }
      }
    }

    /** Returns true once {@code count} bytes (at most the buffer) are buffered from bufferPos. */
    private boolean available(int count) throws IOException {
      while (bufferLength - bufferPos < count) {
        if (bufferPos > 0) {
          System.arraycopy(buffer, bufferPos, buffer, 0, bufferLength - bufferPos);
          bufferLength -= bufferPos;
          bufferPos = 0;
        }
        if (inputEnded) {
          return false;
        }
        int k = in.read(buffer, bufferLength, buffer.length - bufferLength);
        if (k < 0) {
          inputEnded = true;
        } else {
          bufferLength += k;
        }
      }
      return true;
    }

    /** Reads more compressed bytes into an empty buffer; false at the end of the input. */
    private boolean more() throws IOException {
      bufferPos = 0;
      bufferLength = 0;
      while (!inputEnded) {
        int k = in.read(buffer, 0, buffer.length);
        if (k < 0) {
          inputEnded = true;
        } else if (k > 0) {
          bufferLength = k;
          return true;
        }
      }
      return false;
    }
  }
}
