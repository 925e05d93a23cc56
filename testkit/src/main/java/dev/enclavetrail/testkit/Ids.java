package dev.enclavetrail.testkit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Hashes and identifiers for fixtures: SHA-384 and the PCR extend rule, identifiers derived from a
 * name (the same name gives the same identifier in every run), and identifiers drawn from a seeded
 * random.
 */
final class Ids {

  static final String ALPHANUMERIC =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  static final String UPPER_ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  private static final HexFormat HEX = HexFormat.of();

  private Ids() {}

  static byte[] sha384(byte[] data) {
    return digest("SHA-384").digest(data);
  }

  static byte[] sha256(String text) {
    return digest("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Returns {@code SHA384(48 zero bytes ‖ content)}: a register extended once from reset. */
  static byte[] extendFromZero(byte[] content) {
    MessageDigest d = digest("SHA-384");
    d.update(new byte[48]);
    d.update(content);
    return d.digest();
  }

  private static MessageDigest digest(String algorithm) {
    try {
      return MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(algorithm + " is missing from this JDK", e);
    }
  }

  /** Returns {@code length} upper-case base32 characters of SHA-256({@code name}). */
  static String base32FromName(String name, int length) {
    byte[] hash = sha256(name);
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append(BASE32.charAt((hash[i] & 0xFF) % 32));
    }
    return out.toString();
  }

  /** Returns {@code length} lower-case hex digits of SHA-256({@code name}). */
  static String hexFromName(String name, int length) {
    return HEX.formatHex(sha256(name)).substring(0, length);
  }

  /** Returns a random (version 4) UUID drawn from {@code random}. */
  static String uuid(SplittableRandom random) {
    long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
    long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(msb, lsb).toString();
  }

  /** Returns {@code length} characters of {@code alphabet} drawn from {@code random}. */
  static String chars(SplittableRandom random, String alphabet, int length) {
    char[] out = new char[length];
    for (int i = 0; i < length; i++) {
      out[i] = alphabet.charAt(random.nextInt(alphabet.length()));
    }
    return new String(out);
  }

  /** Returns {@code length} lower-case hex digits drawn from {@code random}. */
  static String hex(SplittableRandom random, int length) {
    return chars(random, "0123456789abcdef", length);
  }

  /** Returns a seed mixing {@code seed} with the text {@code salt}, for per-purpose streams. */
  static long mix(long seed, String salt) {
    long h = seed;
    for (int i = 0; i < salt.length(); i++) {
      h = 31 * h + salt.charAt(i);
    }
    return new SplittableRandom(h ^ 0x9E3779B97F4A7C15L).nextLong();
  }
}
