package dev.enclavetrail.core;

import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One platform configuration register (PCR) or image digest as text, with its 48 SHA-384 bytes when
 * the text decodes.
 *
 * <p>CloudTrail carries a measurement as standard base64 (64 characters, as real logs do), as hex
 * (96 characters, as older AWS examples do), or as a placeholder such as {@code
 * <AttestationDocument.PCR0>} in the AWS documentation. The text is kept as it was (so records
 * round-trip); {@link #bytes()} and {@link #hex()} are present only when it decodes. Key policies
 * compare lower-case hex, which {@link #hex()} returns.
 *
 * <p>Equality is on the text: the same register written in base64 and in hex gives two unequal
 * measurements whose {@link #hex()} values are equal; use {@link #sameValueAs(Measurement)} to
 * compare values.
 *
 * <pre>{@code
 * Measurement pcr8 = Measurement.parse("A".repeat(64)); // 48 zero bytes in base64
 * pcr8.hex();       // Optional["000…000"] (96 characters)
 * pcr8.isAllZero(); // true: a debug-mode enclave
 * }</pre>
 */
public final class Measurement {

  /** Size of a SHA-384 register in bytes. */
  public static final int SIZE = 48;

  private static final HexFormat HEX = HexFormat.of();

  private final String text;
  private final Encoding encoding;
  private final byte @Nullable [] bytes;

  /**
   * Lower-case hex of {@link #bytes}, computed on first use (a benign race, as for String's hash).
   */
  private @Nullable String hex;

  private Measurement(String text, Encoding encoding, byte @Nullable [] bytes) {
    this.text = text;
    this.encoding = encoding;
    this.bytes = bytes;
  }

  /** How the text of a measurement is written. */
  public enum Encoding {
    /** 64 characters of standard base64: what real CloudTrail records carry. */
    BASE64,
    /** 96 hexadecimal characters, either case. */
    HEX,
    /** Anything else, such as a documentation placeholder: kept as text, not decoded. */
    TEXT
  }

  /**
   * Reads a measurement as CloudTrail or nitro-cli writes it; never fails (see {@link
   * Encoding#TEXT}).
   */
  public static Measurement parse(String text) {
    Objects.requireNonNull(text, "text");
    if (text.length() == 2 * SIZE && isHex(text)) {
      return new Measurement(text, Encoding.HEX, HEX.parseHex(text));
    }
    if (text.length() == 64 && isBase64(text)) {
      return new Measurement(text, Encoding.BASE64, Base64.getDecoder().decode(text));
    }
    return new Measurement(text, Encoding.TEXT, null);
  }

  /** Returns the measurement of {@code bytes} written in base64, as real CloudTrail records do. */
  public static Measurement ofBase64(byte[] bytes) {
    byte[] copy = checkSize(bytes);
    return new Measurement(Base64.getEncoder().encodeToString(copy), Encoding.BASE64, copy);
  }

  /**
   * Returns the measurement of {@code bytes} written in lower-case hex, as nitro-cli and key
   * policies do.
   */
  public static Measurement ofHex(byte[] bytes) {
    byte[] copy = checkSize(bytes);
    return new Measurement(HEX.formatHex(copy), Encoding.HEX, copy);
  }

  /** Returns the measurement of 48 zero bytes in {@code encoding} (a debug-mode enclave's PCRs). */
  public static Measurement zero(Encoding encoding) {
    return switch (encoding) {
      case BASE64 -> ofBase64(new byte[SIZE]);
      case HEX -> ofHex(new byte[SIZE]);
      case TEXT ->
          throw new IllegalArgumentException("a zero measurement needs BASE64 or HEX encoding");
    };
  }

  private static byte[] checkSize(byte[] bytes) {
    if (bytes.length != SIZE) {
      throw new IllegalArgumentException(
          "a SHA-384 measurement has " + SIZE + " bytes, not " + bytes.length);
    }
    return bytes.clone();
  }

  /** Returns the text as written. */
  public String text() {
    return text;
  }

  /** Returns how the text is written. */
  public Encoding encoding() {
    return encoding;
  }

  /** Returns true if the text decodes to 48 bytes. */
  public boolean isDecodable() {
    return bytes != null;
  }

  /**
   * Returns true if the text is an AWS documentation placeholder such as {@code
   * <AttestationDocument.PCR0>}.
   */
  public boolean isPlaceholder() {
    return bytes == null && text.startsWith("<") && text.endsWith(">");
  }

  /** Returns a copy of the 48 bytes, when the text decodes. */
  public Optional<byte[]> bytes() {
    return bytes == null ? Optional.empty() : Optional.of(bytes.clone());
  }

  /** Returns the 96-character lower-case hex of the bytes, when the text decodes. */
  public Optional<String> hex() {
    byte[] b = bytes;
    if (b == null) {
      return Optional.empty();
    }
    String h = hex;
    if (h == null) {
      h = HEX.formatHex(b);
      hex = h;
    }
    return Optional.of(h);
  }

  /**
   * Returns true if the text decodes to 48 zero bytes: the PCRs of an enclave started in debug
   * mode.
   */
  public boolean isAllZero() {
    if (bytes == null) {
      return false;
    }
    for (byte b : bytes) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * Returns true if both decode to the same bytes, or, when either does not decode, if the texts
   * are equal.
   */
  public boolean sameValueAs(Measurement other) {
    byte[] mine = bytes;
    byte[] theirs = other.bytes;
    if (mine != null && theirs != null) {
      return java.util.Arrays.equals(mine, theirs);
    }
    return text.equals(other.text);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Measurement other && text.equals(other.text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  @Override
  public String toString() {
    return text;
  }

  private static boolean isHex(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.digit(s.charAt(i), 16) < 0) {
        return false;
      }
    }
    return true;
  }

  private static boolean isBase64(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok =
          (c >= 'A' && c <= 'Z')
              || (c >= 'a' && c <= 'z')
              || (c >= '0' && c <= '9')
              || c == '+'
              || c == '/';
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
