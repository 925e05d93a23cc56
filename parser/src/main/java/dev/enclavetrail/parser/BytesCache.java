package dev.enclavetrail.parser;

import org.jspecify.annotations.Nullable;

/**
 * A small cache of immutable values made from byte strings of the input, keyed by their exact
 * bytes: 256 entries in sets of 4 (a value may be in any entry of the set its hash picks, so that a
 * few values whose hashes collide do not push each other out), an entry of a full set replaced in
 * turn. A hit costs the caller's hash and one compare of the bytes; the key is a copy, so the cache
 * outlives the buffer it was filled from. Not thread-safe: one per {@link RecordView}.
 *
 * @param <V> the cached values
 */
final class BytesCache<V> {

  private static final int BITS = 8;
  private static final int WAYS = 4;

  private final long[] hashes = new long[1 << BITS];
  private final byte[][] keys = new byte[1 << BITS][];
  private final @Nullable Object[] values = new Object[1 << BITS];

  /** Entries replaced in full sets, which picks the next one to replace. */
  private int replaced;

  /**
   * Returns the value cached for the {@code length} bytes at {@code from} of {@code in}, whose hash
   * (by the caller's function, well mixed in its high bits) is {@code hash}; null if there is none.
   */
  @Nullable V get(JsonInput in, int from, int length, long hash) {
    int set = set(hash);
    for (int e = set; e < set + WAYS; e++) {
      byte[] key = keys[e];
      if (key != null && hashes[e] == hash && key.length == length && in.regionEquals(from, key)) {
        @SuppressWarnings("unchecked") // only put() stores values, and only Vs
        V value = (V) values[e];
        return value;
      }
    }
    return null;
  }

  /** Caches {@code value} for the {@code length} bytes at {@code from} of {@code in}. */
  void put(JsonInput in, int from, int length, long hash, V value) {
    int e = victim(set(hash));
    byte[] copy = new byte[length];
    in.copyTo(from, copy, 0, length);
    hashes[e] = hash;
    keys[e] = copy;
    values[e] = value;
  }

  private static int set(long hash) {
    return (int) (hash >>> (64 - BITS)) & -WAYS;
  }

  /** Returns the entry of {@code set} to fill: an empty one, else one in turn. */
  private int victim(int set) {
    for (int e = set; e < set + WAYS; e++) {
      if (keys[e] == null) {
        return e;
      }
    }
    return set + (replaced++ & (WAYS - 1));
  }
}
