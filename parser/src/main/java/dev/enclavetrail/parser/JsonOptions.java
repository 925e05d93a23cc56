package dev.enclavetrail.parser;

/**
 * Limits of the JSON engine; immutable.
 *
 * <p>Every limit is checked while the structural pass runs, and a document that exceeds one is
 * rejected with a message naming the option, for example {@code nesting depth 513 exceeds
 * `maxNestingDepth` (512)}.
 *
 * <ul>
 *   <li>{@code maxNestingDepth} (default 512): deepest nesting of arrays and objects.
 *   <li>{@code maxStringLength} (default 16 MiB): longest string, in bytes of its JSON text between
 *       the quotes (escapes count as written).
 *   <li>{@code maxNumberLength} (default 1,000): longest number, in bytes; keeps the decimal
 *       conversion of a number linear in practice.
 *   <li>{@code maxDocumentSize} (default 64 MiB, at most 512 MiB): largest document, in bytes. The
 *       structural pass stores three {@code int}s per value (and per end of container), so the tape
 *       of a document takes at most eight times its size, typically about its size.
 *   <li>{@code rejectDuplicateNames} (default false): reject an object that repeats a member name
 *       (compared after decoding escapes) during the structural pass, at the second name. RFC 8259
 *       allows repeated names, so the engine accepts them unless asked; the record reader asks.
 * </ul>
 *
 * @param maxNestingDepth deepest nesting of arrays and objects, at least 1
 * @param maxStringLength longest string in bytes, at least 0
 * @param maxNumberLength longest number in bytes, at least 1
 * @param maxDocumentSize largest document in bytes, at least 0 and at most 512 MiB
 * @param rejectDuplicateNames whether an object that repeats a member name is an error
 */
record JsonOptions(
    int maxNestingDepth,
    int maxStringLength,
    int maxNumberLength,
    int maxDocumentSize,
    boolean rejectDuplicateNames) {

  static final int DEFAULT_MAX_NESTING_DEPTH = 512;
  static final int DEFAULT_MAX_STRING_LENGTH = 16 * 1024 * 1024;
  static final int DEFAULT_MAX_NUMBER_LENGTH = 1000;
  static final int DEFAULT_MAX_DOCUMENT_SIZE = 64 * 1024 * 1024;

  /** The largest {@code maxDocumentSize}: keeps the tape index within an {@code int}. */
  static final int MAX_DOCUMENT_SIZE_LIMIT = 512 * 1024 * 1024;

  private static final JsonOptions DEFAULTS = builder().build();

  /** Checks every limit. */
  JsonOptions {
    require(maxNestingDepth >= 1, "maxNestingDepth", maxNestingDepth);
    require(maxStringLength >= 0, "maxStringLength", maxStringLength);
    require(maxNumberLength >= 1, "maxNumberLength", maxNumberLength);
    require(
        maxDocumentSize >= 0 && maxDocumentSize <= MAX_DOCUMENT_SIZE_LIMIT,
        "maxDocumentSize",
        maxDocumentSize);
  }

  /** Returns the default limits. */
  static JsonOptions defaults() {
    return DEFAULTS;
  }

  /** Returns a builder that starts from the default limits. */
  static Builder builder() {
    return new Builder();
  }

  /** Returns a builder that starts from these limits. */
  Builder toBuilder() {
    return new Builder()
        .maxNestingDepth(maxNestingDepth)
        .maxStringLength(maxStringLength)
        .maxNumberLength(maxNumberLength)
        .maxDocumentSize(maxDocumentSize)
        .rejectDuplicateNames(rejectDuplicateNames);
  }

  private static void require(boolean ok, String option, int value) {
    if (!ok) {
      throw new IllegalArgumentException("`" + option + "` out of range: " + value);
    }
  }

  /** Collects limits; {@link #build()} checks them. */
  static final class Builder {
    private int maxNestingDepth = DEFAULT_MAX_NESTING_DEPTH;
    private int maxStringLength = DEFAULT_MAX_STRING_LENGTH;
    private int maxNumberLength = DEFAULT_MAX_NUMBER_LENGTH;
    private int maxDocumentSize = DEFAULT_MAX_DOCUMENT_SIZE;
    private boolean rejectDuplicateNames;

    private Builder() {}

    /** Sets the deepest nesting of arrays and objects accepted. */
    Builder maxNestingDepth(int depth) {
      this.maxNestingDepth = depth;
      return this;
    }

    /** Sets the longest string accepted, in bytes of JSON text. */
    Builder maxStringLength(int bytes) {
      this.maxStringLength = bytes;
      return this;
    }

    /** Sets the longest number accepted, in bytes. */
    Builder maxNumberLength(int bytes) {
      this.maxNumberLength = bytes;
      return this;
    }

    /** Sets the largest document accepted, in bytes. */
    Builder maxDocumentSize(int bytes) {
      this.maxDocumentSize = bytes;
      return this;
    }

    /** Sets whether an object that repeats a member name is rejected by the structural pass. */
    Builder rejectDuplicateNames(boolean reject) {
      this.rejectDuplicateNames = reject;
      return this;
    }

    /**
     * Returns the options.
     *
     * @throws IllegalArgumentException if a limit is out of range
     */
    JsonOptions build() {
      return new JsonOptions(
          maxNestingDepth, maxStringLength, maxNumberLength, maxDocumentSize, rejectDuplicateNames);
    }
  }
}
