package dev.enclavetrail.parser;

/**
 * A small direct-mapped cache from the UTF-8 bytes of member names to their strings, so that
 * materialising many records of one vocabulary ({@code eventSource}, {@code userIdentity}...)
 * decodes and hashes each name once instead of once per record: the cached string keeps its hash,
 * and is interned, so that it is the very string of core's lookups by literal name. A name that
 * collides with another in its slot replaces it. Not thread-safe: one per engine.
 */
final class NameCache {

  private static final int SLOTS = 1024;
  private static final int MAX_LENGTH = 64;

  private final byte[][] keys = new byte[SLOTS][];
  private final String[] names = new String[SLOTS];

  /**
   * Returns the string of the {@code length} bytes at {@code index}, valid UTF-8 without escapes.
   */
  String get(JsonInput in, int index, int length) {
    if (length > MAX_LENGTH) {
      return in.utf8(index, length);
    }
    long h = length * 0x9E3779B97F4A7C15L;
    if (length >= 8) {
      h = (h ^ in.longAt(index)) * 0xC2B2AE3D27D4EB4FL;
      h ^= in.longAt(index + length - 8);
    } else {
      long w = 0;
      for (int k = 0; k < length; k++) {
        w |= (long) in.byteAt(index + k) << (8 * k);
      }
      h ^= w;
    }
    h *= 0xC2B2AE3D27D4EB4FL;
    int slot = (int) (h >>> 54) & (SLOTS - 1);
    byte[] key = keys[slot];
    if (key != null && key.length == length && in.regionEquals(index, key)) {
      return names[slot];
    }
    // Interned, as Jackson interns names: core's lookups by literal name then match by identity.
    String name = in.utf8(index, length).intern();
    byte[] copy = new byte[length];
    in.copyTo(index, copy, 0, length);
    keys[slot] = copy;
    names[slot] = name;
    return name;
  }
}
