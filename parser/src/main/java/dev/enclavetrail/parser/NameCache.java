package dev.enclavetrail.parser;

import java.util.Arrays;

/**
 * A small direct-mapped cache from the UTF-8 bytes of member names to their strings, so that
 * materialising many records of one vocabulary ({@code eventSource}, {@code userIdentity}...)
 * decodes and hashes each name once instead of once per record: the cached string keeps its hash,
 * and is interned, so that it is the very string of core's lookups by literal name. A name that
 * collides with another in its slot replaces it. Not thread-safe: one per engine.
 *
 * <p>A name of up to 16 bytes is matched by its length and two 8-byte words (its first and last 8
 * bytes, or its bytes as one word when shorter than 8), without a comparison of byte ranges.
 */
final class NameCache {

  private static final int SLOTS = 4096;
  private static final int MAX_LENGTH = 64;

  private final byte[][] keys = new byte[SLOTS][];
  private final String[] names = new String[SLOTS];

  /** By slot: the key's length, or -1 for an empty slot. */
  private final int[] lengths = new int[SLOTS];

  /** By slot: the key's first word and last word (see the class comment). */
  private final long[] words = new long[2 * SLOTS];

  NameCache() {
    Arrays.fill(lengths, -1);
  }

  /**
   * Returns the string of the {@code length} bytes at {@code index}, valid UTF-8 without escapes.
   */
  String get(JsonInput in, int index, int length) {
    if (length > MAX_LENGTH) {
      return in.utf8(index, length);
    }
    long first;
    long last;
    if (length >= 8) {
      first = in.longAt(index);
      last = in.longAt(index + length - 8);
    } else {
      first = 0;
      for (int k = 0; k < length; k++) {
        first |= (long) in.byteAt(index + k) << (8 * k);
      }
      last = 0;
    }
    long h = (length * 0x9E3779B97F4A7C15L ^ first) * 0xC2B2AE3D27D4EB4FL;
    h = (h ^ last) * 0xC2B2AE3D27D4EB4FL;
    int slot = (int) (h >>> 52) & (SLOTS - 1);
    if (lengths[slot] == length
        && words[2 * slot] == first
        && words[2 * slot + 1] == last
        && (length <= 16 || in.regionEquals(index, keys[slot]))) {
      return names[slot];
    }
    // Interned, as Jackson interns names: core's lookups by literal name then match by identity.
    String name = in.utf8(index, length).intern();
    byte[] copy = new byte[length];
    in.copyTo(index, copy, 0, length);
    keys[slot] = copy;
    names[slot] = name;
    lengths[slot] = length;
    words[2 * slot] = first;
    words[2 * slot + 1] = last;
    return name;
  }
}
