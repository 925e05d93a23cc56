package dev.enclavetrail.parser;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Objects;

/**
 * Stage 1 of the JSON engine: one strict pass over the bytes of a JSON document that checks the
 * whole RFC 8259 grammar and UTF-8, enforces the {@link JsonOptions} limits, and records where
 * every value is on a tape; {@link JsonDocument} then reads values on demand from the tape and the
 * bytes.
 *
 * <pre>{@code
 * JsonEngine engine = JsonEngine.create();          // one per thread, reused
 * JsonDocument doc = engine.parse(bytes);           // throws CloudTrailParseException
 * int name = doc.member(doc.root(), EVENT_NAME);    // byte[] "eventName", no decoding
 * boolean decrypt = name >= 0 && doc.stringEquals(name, DECRYPT);
 * }</pre>
 *
 * <p>An engine is not thread-safe. It reuses its tape between documents, so a {@link JsonDocument}
 * is valid only until the next {@code parse} of the same engine (checked under assertions).
 */
final class JsonEngine {

  /*
   * Implementation notes.
   *
   * Tape. Three ints per entry; a value's handle is the index of its first int. Entry words:
   *   [h]     kind (KIND_MASK bits) and flags (ESCAPED for a string with a backslash, HIGH_BYTES for
   *           one with a byte above 0x7F, DECIMAL for a number with a fraction or an exponent);
   *   [h + 1] absolute offset of the value's first byte (the quote of a string, the bracket of a
   *           container);
   *   [h + 2] for scalars the absolute offset just past the value (past the closing quote of a
   *           string); for containers the handle of the container's END entry.
   * An END entry holds the offset of the closing bracket and the number of elements (or members)
   * of its container. An object's children are its members: a STRING entry for the name, then
   * the value's entries. Entries are in document order, so the tape is a pre-order walk and a
   * container is skipped in O(1): its next sibling is at tape[h + 2] + 3.
   *
   * Loop. The scanner is iterative: a stack of open containers (at most maxNestingDepth deep)
   * replaces recursion, so no input can overflow the Java stack. The byte that starts a value is
   * dispatched by a switch (a tableswitch); bytes inside strings go through the 256-entry class
   * table STRING_CLASS. UTF-8 is validated only inside strings: outside them any byte >= 0x80 is
   * a grammar error anyway.
   *
   * SWAR. Strings are scanned 8 bytes at a time (a little-endian long read through a VarHandle):
   * specialMask() flags any byte that is '"', '\\', below 0x20 or above 0x7F, and the lowest flag
   * is exact (borrows only propagate upwards), so numberOfTrailingZeros finds the first byte that
   * needs attention; the byte loop after it handles escapes, UTF-8 and the last 7 bytes. The mask
   * is three subtractions and a few ors: the "& ~x" that the classic zero-byte test adds to keep
   * other bytes from being flagged is not needed, because every byte it would clear is one the
   * mask flags anyway (at or above 0x80) or lies above the first flag (a borrow). Dropping it cut
   * the reader's scan by 10% on invictus (2.40 to 2.14 ms, three A/B pairs of JMH runs) and 11-16%
   * on enclave-mix (163-173 to 145 ms, two pairs). The SWAR loop itself was measured
   * with ScanHarness (tests), JDK 17, 2 shared cores, the 55 invictus files (3.66 MB) parsed 40
   * times per trial, best of 7 trials, three runs each, byte[] input only: with SWAR the
   * structural pass ran at 1,830-1,940 MB/s (a Jackson nextToken walk of the same bytes in the
   * same runs: 1,100-1,270 MB/s); with SWAR = false at 740-750 MB/s (Jackson 1,060-1,210 MB/s).
   * SWAR makes the pass 2.5 times faster on CloudTrail data, where most bytes are inside
   * strings, so it stays. Mixing byte[] and direct-buffer inputs in one JVM makes the JsonInput
   * calls bimorphic and costs about a quarter of that (byte[] 1,370-1,730 MB/s, direct buffer
   * 990-1,220 MB/s in such runs).
   *
   * Hot path. The innermost container's kind and child count live in locals (counts[] holds those
   * of the containers around it, saved when a child container opens), so a member costs no tape
   * or array read to know whether a name must follow; whitespace is skipped by a call only when
   * the next byte is one (<= ' '), which compact CloudTrail JSON almost never has; a name's colon
   * is checked straight after its closing quote; and a string whose first special byte in the
   * SWAR loop is its closing quote ends there, without the byte-class switch. Measured together
   * with an A/B harness (both builds in one JVM, separate class loaders, alternating 400 ms
   * rounds, best run per round), the reader's scan of invictus: 3-6% less time than before, in
   * three runs of 12-14 rounds (one run showed 1%). Likewise the duplicate check's state for the
   * innermost object (its fingerprint bits, where its names start, whether it is checked whole)
   * lives in fields, saved by depth only when a child container opens: 1-3% less time on invictus
   * and 1-4% on a 26 MB enclave-mix sample (same harness, two pairs of rounds each).
   *
   * Tried and dropped (same A/B harness, invictus and a 211 MB enclave-mix corpus): unrolling the
   * SWAR loop to 16 bytes a step (10% slower on invictus, strings average 21 bytes); splitting
   * string() into a small inlinable fast path and an out-of-line rest (4% faster on invictus, 7%
   * slower on enclave-mix); reading member names through the value switch so that string() has one
   * call site and everything inlines into scan (no change); a 256-bit fingerprint set per object
   * (cuts the linear looks from 33 to 2 per enclave-mix record, yet 2-6% slower), with or without
   * the look moved out of line; a fingerprint of three independent products, and one without a
   * branch on the name's length (no change); reading names of up to 15 plain bytes from the one or
   * two words that also give their fingerprint, instead of string() and then fingerprint() (5%
   * slower on invictus, two A/B pairs of 12 rounds). Taking the duplicate check out altogether (not an
   * option: it is part of strictness) would save 12% on invictus and 18-20% on enclave-mix, about
   * half of it the fingerprint and half the look: the place to look next.
   *
   * Reader mode. parseValue() parses one value that starts at `start` and stops right after it,
   * leaving whatever follows alone; bytes that end before the value does throw the shared
   * JsonInput.OutOfInput (the reader fetches more and parses again) when the input says its end is
   * not the end of the data. The document object is reused. Newlines are counted as whitespace is
   * skipped (valid JSON has no other raw newline), so a reader keeps a running line count without
   * a pass of its own; errors locate from JsonInput.locateFrom, the record's first byte.
   *
   * Duplicate names (rejectDuplicateNames). Each member name gets a 64-bit fingerprint of its
   * length, first and last 8 bytes; a 64-bit set per open object (one bit per fingerprint) says
   * when a linear look at the object's earlier names is needed, which then compares fingerprints
   * and, when they match, the bytes. Up to FAST_NAMES members that is linear in practice and
   * bounded in the worst case; an object with more members, or with an escaped name (where equal
   * text may be spelled differently), is checked when it closes by decoding its names into a
   * HashSet, whose tree bins keep even colliding names O(n log n).
   */

  // ---- configuration ---------------------------------------------------------------------------

  /** Kind of a tape entry: an object. */
  static final int OBJECT = 1;

  /** Kind of a tape entry: an array. */
  static final int ARRAY = 2;

  /** Kind of a tape entry: a string (a value or a member name). */
  static final int STRING = 3;

  /** Kind of a tape entry: a number. */
  static final int NUMBER = 4;

  /** Kind of a tape entry: {@code true}. */
  static final int TRUE = 5;

  /** Kind of a tape entry: {@code false}. */
  static final int FALSE = 6;

  /** Kind of a tape entry: {@code null}. */
  static final int NULL = 7;

  /** Kind of a tape entry: the end of a container. */
  static final int END = 8;

  /** Bits of the first word of an entry that hold its kind. */
  static final int KIND_MASK = 0xF;

  /** Flag of a string entry: the string contains at least one escape. */
  static final int ESCAPED = 0x10;

  /** Flag of a string entry: the string has a byte that is not ASCII (UTF-8, checked). */
  static final int HIGH_BYTES = 0x20;

  /** Flag of a number entry: the number has a fraction or an exponent. */
  static final int DECIMAL = 0x10;

  /** Ints per tape entry. */
  static final int ENTRY = 3;

  static final boolean SWAR = true;

  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;
  private static final long QUOTES = 0x2222222222222222L;
  private static final long BACKSLASHES = 0x5C5C5C5C5C5C5C5CL;
  private static final long SPACES = 0x2020202020202020L;

  private static final long WHITESPACE = (1L << ' ') | (1L << '\t') | (1L << '\n') | (1L << '\r');

  /** Byte classes inside a string. */
  private static final byte PLAIN = 0;

  private static final byte QUOTE = 1;
  private static final byte BACKSLASH = 2;
  private static final byte CONTROL = 3;
  private static final byte NON_ASCII = 4;

  /** The class of each byte inside a string. */
  private static final byte[] STRING_CLASS = new byte[256];

  /** The value of each hex digit, or -1. */
  static final byte[] HEX = new byte[256];

  static {
    for (int b = 0; b < 256; b++) {
      STRING_CLASS[b] =
          b < 0x20
              ? CONTROL
              : b >= 0x80 ? NON_ASCII : b == '"' ? QUOTE : b == '\\' ? BACKSLASH : PLAIN;
      HEX[b] = -1;
    }
    for (int d = 0; d < 10; d++) {
      HEX['0' + d] = (byte) d;
    }
    for (int d = 0; d < 6; d++) {
      HEX['a' + d] = (byte) (10 + d);
      HEX['A' + d] = (byte) (10 + d);
    }
  }

  private static final byte[] TRUE_BYTES = {'t', 'r', 'u', 'e'};
  private static final byte[] FALSE_BYTES = {'f', 'a', 'l', 's', 'e'};
  private static final byte[] NULL_BYTES = {'n', 'u', 'l', 'l'};

  /** What the scanner expected where it found something else; indexes EXPECTED. */
  private static final int EXPECT_VALUE = 0;

  private static final int EXPECT_VALUE_OR_END_ARRAY = 1;
  private static final int EXPECT_NAME = 2;
  private static final int EXPECT_NAME_OR_END_OBJECT = 3;
  private static final int EXPECT_COLON = 4;
  private static final int EXPECT_COMMA_OR_END_ARRAY = 5;
  private static final int EXPECT_COMMA_OR_END_OBJECT = 6;
  private static final int EXPECT_END_OF_INPUT = 7;

  /** Members of an object checked for duplicates one by one; larger objects are checked whole. */
  private static final int FAST_NAMES = 32;

  private static final String[] EXPECTED = {
    "expected a value",
    "expected a value or `]`",
    "expected a member name",
    "expected a member name or `}`",
    "expected `:`",
    "expected `,` or `]`",
    "expected `,` or `}`",
    "expected end of input",
  };

  private final int maxDepth;
  private final int maxString;
  private final int maxNumber;
  private final int maxDocument;
  private final boolean rejectDuplicates;

  // ---- state -----------------------------------------------------------------------------------

  /** Strings of member names seen, for materialisation. */
  private final NameCache nameCache = new NameCache();

  /** The tape of the last document; grown as needed, reused. */
  private int[] tape = new int[ENTRY * 256];

  /** Ints of the tape in use. */
  private int size;

  /** Handles of the open containers, by depth. */
  private int[] open = new int[32];

  /** Children seen so far in each open container, by depth. */
  private int[] counts = new int[32];

  /** Incremented by every parse; a document is valid while it holds the current value. */
  private long generation;

  /** Newlines (\n, \r\n or a lone \r) skipped as whitespace by the last parse. */
  private int newlines;

  /** Offset just past the last newline counted by the last parse. */
  private int lastLineStart;

  /** The innermost open object's fingerprints seen, one bit per fingerprint. */
  private long bits;

  /** Where the innermost open object's names start in {@link #names}. */
  private int base;

  /** The innermost open object is checked for duplicates when it closes. */
  private boolean whole;

  /** By depth: {@link #bits} of the open containers around the innermost. */
  private long[] nameBits = new long[32];

  /** By depth: {@link #base} of the open containers around the innermost. */
  private int[] nameBase = new int[32];

  /** By depth: {@link #whole} of the open containers around the innermost. */
  private boolean[] checkWhole = new boolean[32];

  /** Fingerprints of the names of every open object, innermost last. */
  private long[] fingerprints = new long[64];

  /** Tape handles of those names. */
  private int[] names = new int[64];

  /** Names in use in {@link #fingerprints} and {@link #names}. */
  private int nameCount;

  // ---- life-cycle ------------------------------------------------------------------------------

  /** Creates an engine with {@code options}. */
  JsonEngine(JsonOptions options) {
    Objects.requireNonNull(options, "options");
    this.maxDepth = options.maxNestingDepth();
    this.maxString = options.maxStringLength();
    this.maxNumber = options.maxNumberLength();
    this.maxDocument = options.maxDocumentSize();
    this.rejectDuplicates = options.rejectDuplicateNames();
  }

  /** Returns an engine with the default limits. */
  static JsonEngine create() {
    return new JsonEngine(JsonOptions.defaults());
  }

  // ---- public API ------------------------------------------------------------------------------

  /**
   * Parses {@code json}, the whole array, as one JSON document.
   *
   * @throws CloudTrailParseException if it is not one strict RFC 8259 value in UTF-8, or exceeds a
   *     limit
   */
  JsonDocument parse(byte[] json) {
    return parse(json, 0, json.length);
  }

  /**
   * Parses bytes {@code start} (inclusive) to {@code end} (exclusive) of {@code json} as one JSON
   * document; offsets (in the document and in errors) are indices into {@code json}.
   *
   * @throws CloudTrailParseException if the range is not one strict RFC 8259 value in UTF-8, or
   *     exceeds a limit
   * @throws IndexOutOfBoundsException if the range is not within {@code json}
   */
  JsonDocument parse(byte[] json, int start, int end) {
    Objects.checkFromToIndex(start, end, json.length);
    return run(JsonInput.of(json), start, end);
  }

  /**
   * Parses the bytes of {@code json} from its position to its limit as one JSON document, without
   * copying them or changing the buffer's position; offsets are absolute indices into the buffer.
   *
   * @throws CloudTrailParseException if they are not one strict RFC 8259 value in UTF-8, or exceed
   *     a limit
   */
  JsonDocument parse(ByteBuffer json) {
    return parse(json, json.position(), json.limit());
  }

  /**
   * Parses bytes {@code start} (inclusive) to {@code end} (exclusive, at most the limit) of {@code
   * json} as one JSON document; offsets are absolute indices into the buffer.
   *
   * @throws CloudTrailParseException if the range is not one strict RFC 8259 value in UTF-8, or
   *     exceeds a limit
   * @throws IndexOutOfBoundsException if the range is not within the buffer's limit
   */
  JsonDocument parse(ByteBuffer json, int start, int end) {
    Objects.checkFromToIndex(start, end, json.limit());
    return run(JsonInput.of(json), start, end);
  }

  /**
   * Parses the one JSON value that starts at {@code start} into {@code doc} (which this engine
   * created) and returns the offset just past it, leaving the bytes after it unread; {@code end}
   * bounds what may be read, and {@link JsonOptions#maxDocumentSize()} is not checked (the caller
   * bounds {@code end}). A value that is cut off by {@code end} throws {@link
   * JsonInput.OutOfInput#INSTANCE} if {@code in.stopAtEnd} is set, an error otherwise. A scalar
   * that ends exactly at {@code end} is returned: the caller decides whether more could follow.
   *
   * @throws CloudTrailParseException if the value is malformed or exceeds a limit
   * @throws JsonInput.OutOfInput if the value is cut off and {@code in.stopAtEnd} is set
   */
  int parseValue(JsonDocument doc, JsonInput in, int start, int end) {
    Objects.checkFromToIndex(start, end, in.capacity());
    begin();
    int e = scan(in, start, end, true);
    doc.reset(in, tape, generation);
    return e;
  }

  /** Returns a document of this engine to reuse with {@link #parseValue}; not valid until then. */
  JsonDocument newDocument() {
    return new JsonDocument(this, JsonInput.of(new byte[0]), tape, -1);
  }

  /** Returns the cache of member names that materialisation uses. */
  NameCache names() {
    return nameCache;
  }

  /** Returns the size of the tape in ints: what the engine holds on to between documents. */
  int tapeInts() {
    return tape.length;
  }

  /** Returns the number of documents parsed (or attempted) so far. */
  long generation() {
    return generation;
  }

  /** Returns the newlines skipped as whitespace by the last parse, up to where it stopped. */
  int newlines() {
    return newlines;
  }

  /** Returns the offset just past the last newline counted by the last parse. */
  int lastLineStart() {
    return lastLineStart;
  }

  private JsonDocument run(JsonInput in, int start, int end) {
    begin();
    scan(in, start, end, false);
    return new JsonDocument(this, in, tape, generation);
  }

  private void begin() {
    generation++;
    size = 0;
    newlines = 0;
    nameCount = 0;
  }

  // ---- internal parsing ------------------------------------------------------------------------

  private int scan(JsonInput in, int start, int end, boolean prefix) {
    if (!prefix && end - start > maxDocument) {
      throw error(
          in,
          start + maxDocument,
          "document size "
              + (end - start)
              + " bytes exceeds `maxDocumentSize` ("
              + maxDocument
              + " bytes)");
    }
    int depth = 0;
    int expect = EXPECT_VALUE;
    // The innermost open container: whether it is an object, and its children so far (counts[]
    // holds those of the containers around it).
    boolean object = false;
    int count = 0;
    int pos = skipWhitespace(in, start, end);
    value:
    for (; ; ) {
      if (pos >= end) {
        throw endOfInput(in, end, EXPECTED[expect]);
      }
      int c = in.byteAt(pos);
      switch (c) {
        case '{', '[' -> {
          if (depth == maxDepth) {
            throw error(
                in,
                pos,
                "nesting depth " + (depth + 1) + " exceeds `maxNestingDepth` (" + maxDepth + ")");
          }
          object = c == '{';
          int h = emit(object ? OBJECT : ARRAY, pos, 0);
          if (depth == open.length) {
            grow(depth);
          }
          if (depth > 0) {
            counts[depth - 1] = count;
          }
          open[depth] = h;
          if (rejectDuplicates) {
            if (depth > 0) {
              nameBits[depth - 1] = bits;
              nameBase[depth - 1] = base;
              checkWhole[depth - 1] = whole;
            }
            bits = 0;
            base = nameCount;
            whole = false;
          }
          depth++;
          pos++;
          if (pos >= end || in.byteAt(pos) <= ' ') {
            pos = skipWhitespace(in, pos, end);
            if (pos >= end) {
              throw endOfInput(
                  in,
                  end,
                  EXPECTED[object ? EXPECT_NAME_OR_END_OBJECT : EXPECT_VALUE_OR_END_ARRAY]);
            }
          }
          int d = in.byteAt(pos);
          if (d == (object ? '}' : ']')) {
            depth = close(in, depth, pos, 0);
            pos++;
            if (depth > 0) {
              object = (tape[open[depth - 1]] & KIND_MASK) == OBJECT;
              count = counts[depth - 1];
            }
          } else {
            count = 1;
            if (object) {
              pos = name(in, pos, end, EXPECT_NAME_OR_END_OBJECT, 1);
              expect = EXPECT_VALUE;
            } else {
              expect = EXPECT_VALUE_OR_END_ARRAY;
            }
            continue value;
          }
        }
        case '"' -> pos = string(in, pos, end);
        case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9' -> pos = number(in, pos, end);
        case 't' -> pos = literal(in, pos, end, TRUE_BYTES, TRUE);
        case 'f' -> pos = literal(in, pos, end, FALSE_BYTES, FALSE);
        case 'n' -> pos = literal(in, pos, end, NULL_BYTES, NULL);
        default -> throw unexpected(in, pos, end, EXPECTED[expect]);
      }
      // After a value: close containers until the next value, or the end of the document.
      for (; ; ) {
        if (depth == 0) {
          if (prefix) {
            return pos;
          }
          pos = skipWhitespace(in, pos, end);
          if (pos < end) {
            throw unexpected(in, pos, end, EXPECTED[EXPECT_END_OF_INPUT]);
          }
          return pos;
        }
        if (pos >= end || in.byteAt(pos) <= ' ') {
          pos = skipWhitespace(in, pos, end);
          if (pos >= end) {
            throw endOfInput(
                in, end, EXPECTED[object ? EXPECT_COMMA_OR_END_OBJECT : EXPECT_COMMA_OR_END_ARRAY]);
          }
        }
        int d = in.byteAt(pos);
        if (d == ',') {
          count++;
          pos++;
          if (pos >= end || in.byteAt(pos) <= ' ') {
            pos = skipWhitespace(in, pos, end);
          }
          if (object) {
            pos = name(in, pos, end, EXPECT_NAME, count);
          }
          expect = EXPECT_VALUE;
          continue value;
        }
        if (d != (object ? '}' : ']')) {
          throw unexpected(
              in,
              pos,
              end,
              EXPECTED[object ? EXPECT_COMMA_OR_END_OBJECT : EXPECT_COMMA_OR_END_ARRAY]);
        }
        depth = close(in, depth, pos, count);
        pos++;
        if (depth > 0) {
          object = (tape[open[depth - 1]] & KIND_MASK) == OBJECT;
          count = counts[depth - 1];
        }
      }
    }
  }

  /** Grows the arrays indexed by depth past {@code depth}. */
  private void grow(int depth) {
    int n = Math.min(depth * 2, maxDepth);
    open = Arrays.copyOf(open, n);
    counts = Arrays.copyOf(counts, n);
    nameBits = Arrays.copyOf(nameBits, n);
    nameBase = Arrays.copyOf(nameBase, n);
    checkWhole = Arrays.copyOf(checkWhole, n);
  }

  /** Appends an entry and returns its handle. */
  private int emit(int kind, int start, int payload) {
    int h = size;
    if (h + ENTRY > tape.length) {
      // Every entry has a byte of its own (an END entry its bracket) and maxDocumentSize is at
      // most 512 MiB, so a tape never needs more than 3 * 512 Mi ints: the cap is never reached.
      tape = Arrays.copyOf(tape, (int) Math.min(tape.length * 2L, Integer.MAX_VALUE - 8));
    }
    int[] t = tape;
    t[h] = kind;
    t[h + 1] = start;
    t[h + 2] = payload;
    size = h + ENTRY;
    return h;
  }

  /**
   * Closes the innermost open container, which has {@code count} children, at the bracket at {@code
   * pos}; returns the new depth.
   */
  private int close(JsonInput in, int depth, int pos, int count) {
    int d = depth - 1;
    int h = open[d];
    if (rejectDuplicates) {
      if (whole) {
        checkNames(in, base, nameCount);
      }
      nameCount = base;
      if (d > 0) {
        bits = nameBits[d - 1];
        base = nameBase[d - 1];
        whole = checkWhole[d - 1];
      }
    }
    int e = emit(END, pos, count);
    tape[h + 2] = e;
    return d;
  }

  /**
   * Reads a member name at {@code pos} (where a name must start) of the innermost open object,
   * which has {@code count} members with this one, its colon and the whitespace after it; returns
   * the offset of the member's value.
   */
  private int name(JsonInput in, int pos, int end, int expect, int count) {
    if (pos >= end) {
      throw endOfInput(in, end, EXPECTED[expect]);
    }
    if (in.byteAt(pos) != '"') {
      throw unexpected(in, pos, end, EXPECTED[expect]);
    }
    int after = string(in, pos, end);
    if (rejectDuplicates) {
      checkName(in, pos, after, count);
    }
    pos = after;
    if (pos >= end || in.byteAt(pos) != ':') {
      pos = skipWhitespace(in, pos, end);
      if (pos >= end) {
        throw endOfInput(in, end, EXPECTED[EXPECT_COLON]);
      }
      if (in.byteAt(pos) != ':') {
        throw unexpected(in, pos, end, EXPECTED[EXPECT_COLON]);
      }
    }
    pos++;
    if (pos < end && in.byteAt(pos) > ' ') {
      return pos;
    }
    return skipWhitespace(in, pos, end);
  }

  /** Returns the first offset from {@code pos} that is not whitespace; counts newlines. */
  private int skipWhitespace(JsonInput in, int pos, int end) {
    while (pos < end) {
      int c = in.byteAt(pos);
      if (c > ' ' || ((1L << c) & WHITESPACE) == 0) {
        return pos;
      }
      if (c == '\n' || (c == '\r' && (pos + 1 >= end || in.byteAt(pos + 1) != '\n'))) {
        newlines++;
        lastLineStart = pos + 1;
      }
      pos++;
    }
    return pos;
  }

  /**
   * Checks the name just emitted (quote at {@code quote}, ending before {@code after}) against the
   * earlier names of the innermost open object, which has {@code count} members with it.
   */
  private void checkName(JsonInput in, int quote, int after, int count) {
    int h = size - ENTRY;
    if (nameCount == names.length) {
      names = Arrays.copyOf(names, nameCount * 2);
      fingerprints = Arrays.copyOf(fingerprints, names.length);
    }
    int n = nameCount;
    names[n] = h;
    nameCount = n + 1;
    if (whole) {
      return;
    }
    if ((tape[h] & ESCAPED) != 0 || count > FAST_NAMES) {
      whole = true;
      return;
    }
    long fp = fingerprint(in, quote, after);
    fingerprints[n] = fp;
    long bit = 1L << (fp >>> 58);
    if ((bits & bit) != 0) {
      int length = after - quote;
      for (int k = base; k < n; k++) {
        if (fingerprints[k] == fp && in.regionEquals(tape[names[k] + 1], quote, length)) {
          throw duplicate(in, h);
        }
      }
    }
    bits |= bit;
  }

  /**
   * Returns a fingerprint of the bytes between the quotes at {@code quote} and {@code after - 1}:
   * their length, and their first and last 8 bytes.
   */
  private static long fingerprint(JsonInput in, int quote, int after) {
    int from = quote + 1;
    int length = after - 1 - from;
    long x;
    if (length >= 8) {
      x = in.longAt(from) ^ Long.rotateLeft(in.longAt(after - 9), 29);
    } else if (from + 8 <= in.capacity()) {
      x = in.longAt(from) & ((1L << (8 * length)) - 1);
    } else {
      x = 0;
      for (int k = 0; k < length; k++) {
        x |= (long) in.byteAt(from + k) << (8 * k);
      }
    }
    // One odd multiplier: equal fingerprints mean equal words and length; the top bits mix all.
    return (x ^ length) * 0xC2B2AE3D27D4EB4FL;
  }

  /**
   * Checks the names {@code from} (inclusive) to {@code to} of one object, decoded, for repeats.
   */
  private void checkNames(JsonInput in, int from, int to) {
    JsonDocument doc = new JsonDocument(this, in, tape, generation);
    HashSet<String> seen = new HashSet<>();
    for (int k = from; k < to; k++) {
      if (!seen.add(doc.decodeString(names[k]))) {
        throw duplicate(in, names[k]);
      }
    }
  }

  private CloudTrailParseException duplicate(JsonInput in, int name) {
    JsonDocument doc = new JsonDocument(this, in, tape, generation);
    return error(
        in,
        tape[name + 1],
        "duplicate member name `" + JsonDocument.excerpt(doc.decodeString(name)) + "`");
  }

  /**
   * Reads the string whose opening quote is at {@code quote}; appends its entry and returns the
   * offset just past its closing quote.
   */
  private int string(JsonInput in, int quote, int end) {
    int i = quote + 1;
    // Scan at most maxString bytes of body plus the closing quote.
    int limit = end - i > maxString ? i + maxString + 1 : end;
    int kind = STRING;
    for (; ; ) {
      if (SWAR) {
        while (i + 8 <= limit) {
          long w = in.longAt(i);
          long mask = specialMask(w);
          if (mask != 0) {
            // The flag is the high bit of the byte: its low bit is 7 below.
            int shift = Long.numberOfTrailingZeros(mask) - 7;
            i += shift >>> 3;
            if (((w >>> shift) & 0xFF) == '"') {
              emit(kind, quote, i + 1);
              return i + 1;
            }
            break;
          }
          i += 8;
        }
      }
      if (i >= limit) {
        break;
      }
      int c = in.byteAt(i);
      switch (STRING_CLASS[c]) {
        case PLAIN -> i++;
        case QUOTE -> {
          emit(kind, quote, i + 1);
          return i + 1;
        }
        case BACKSLASH -> {
          kind |= ESCAPED;
          i = escape(in, i, end);
        }
        case CONTROL ->
            throw error(in, i, "unescaped control character (code " + c + ") in a string");
        default -> {
          kind |= HIGH_BYTES;
          i = utf8(in, i, end, c);
        }
      }
    }
    if (limit < end) {
      throw error(
          in,
          quote + 1 + maxString,
          "string length exceeds `maxStringLength` (" + maxString + " bytes)");
    }
    throw endOfInput(in, end, "unterminated string");
  }

  /**
   * Returns a mask whose lowest set bit is the high bit of the first of the 8 bytes of {@code w}
   * (little-endian) that is a quote, a backslash, a control character or not ASCII; 0 if none is.
   */
  static long specialMask(long w) {
    // Each subtraction sets the high bit of a byte that is zero (after the xor) or below 0x20, and
    // of a byte at or above 0x80, which "| w" flags anyway; a borrow only runs upwards from a byte
    // that is flagged. So no "& ~x" is needed to keep the lowest flag exact.
    return ((w ^ QUOTES) - ONES | (w ^ BACKSLASHES) - ONES | w - SPACES | w) & HIGHS;
  }

  /** Checks the escape whose backslash is at {@code i}; returns the offset just past it. */
  private static int escape(JsonInput in, int i, int end) {
    int e = i + 1;
    if (e >= end) {
      throw endOfInput(in, end, "unterminated string");
    }
    int c = in.byteAt(e);
    switch (c) {
      case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> {
        return i + 2;
      }
      case 'u' -> {
        for (int k = i + 2; k < i + 6; k++) {
          if (k >= end) {
            throw endOfInput(in, end, "expected a hex digit in a `\\u` escape");
          }
          if (HEX[in.byteAt(k)] < 0) {
            throw unexpected(in, k, end, "expected a hex digit in a `\\u` escape");
          }
        }
        return i + 6;
      }
      default ->
          throw unexpected(in, e, end, "expected an escape (one of `\"\\/bfnrtu`) after `\\`");
    }
  }

  /**
   * Checks the UTF-8 sequence whose first byte, {@code lead} (at least 0x80), is at {@code i};
   * returns the offset just past it. Rejects overlong forms, encoded surrogates (U+D800 to U+DFFF),
   * code points above U+10FFFF and truncated sequences, pointing at the first byte that makes the
   * sequence invalid.
   */
  private static int utf8(JsonInput in, int i, int end, int lead) {
    if (lead < 0xC0) {
      throw error(in, i, "invalid UTF-8: unexpected continuation byte " + hex(lead));
    }
    if (lead < 0xC2) {
      throw error(in, i, "invalid UTF-8: overlong encoding (byte " + hex(lead) + ")");
    }
    if (lead < 0xE0) {
      continuation(in, i + 1, end);
      return i + 2;
    }
    if (lead < 0xF0) {
      int b1 = continuation(in, i + 1, end);
      if (lead == 0xE0 && b1 < 0xA0) {
        throw error(in, i + 1, "invalid UTF-8: overlong encoding (bytes 0xe0 " + hex(b1) + ")");
      }
      if (lead == 0xED && b1 >= 0xA0) {
        throw error(
            in, i + 1, "invalid UTF-8: encoded surrogate (bytes 0xed " + hex(b1) + ") in a string");
      }
      continuation(in, i + 2, end);
      return i + 3;
    }
    if (lead < 0xF5) {
      int b1 = continuation(in, i + 1, end);
      if (lead == 0xF0 && b1 < 0x90) {
        throw error(in, i + 1, "invalid UTF-8: overlong encoding (bytes 0xf0 " + hex(b1) + ")");
      }
      if (lead == 0xF4 && b1 >= 0x90) {
        throw error(
            in, i + 1, "invalid UTF-8: code point above U+10FFFF (bytes 0xf4 " + hex(b1) + ")");
      }
      continuation(in, i + 2, end);
      continuation(in, i + 3, end);
      return i + 4;
    }
    throw error(in, i, "invalid UTF-8: byte " + hex(lead) + " never appears in UTF-8");
  }

  private static int continuation(JsonInput in, int i, int end) {
    if (i >= end) {
      throw endOfInput(in, end, "truncated UTF-8 sequence");
    }
    int b = in.byteAt(i);
    if ((b & 0xC0) != 0x80) {
      throw error(in, i, "invalid UTF-8: truncated sequence, " + describe(in, i, end) + " follows");
    }
    return b;
  }

  /** Reads the number that starts at {@code start}; appends its entry and returns its end. */
  private int number(JsonInput in, int start, int end) {
    int i = start;
    int kind = NUMBER;
    if (in.byteAt(i) == '-') {
      i++;
    }
    i = digit(in, i, end, "expected a digit");
    if (in.byteAt(i) == '0') {
      i++;
      if (i < end && isDigit(in.byteAt(i))) {
        throw unexpected(in, i, end, "leading zeros are not allowed");
      }
    } else {
      i = digits(in, i + 1, end);
    }
    if (i < end && in.byteAt(i) == '.') {
      kind = NUMBER | DECIMAL;
      i = digits(in, digit(in, i + 1, end, "expected a digit after the decimal point") + 1, end);
    }
    if (i < end && (in.byteAt(i) | 0x20) == 'e') {
      kind = NUMBER | DECIMAL;
      i++;
      if (i < end && (in.byteAt(i) == '+' || in.byteAt(i) == '-')) {
        i++;
      }
      i = digits(in, digit(in, i, end, "expected a digit in the exponent") + 1, end);
    }
    if (i - start > maxNumber) {
      throw error(
          in,
          start + maxNumber,
          "number length " + (i - start) + " exceeds `maxNumberLength` (" + maxNumber + ")");
    }
    emit(kind, start, i);
    return i;
  }

  /** Checks that a digit is at {@code i}; returns {@code i}. */
  private static int digit(JsonInput in, int i, int end, String expected) {
    if (i >= end) {
      throw endOfInput(in, end, expected);
    }
    if (!isDigit(in.byteAt(i))) {
      throw unexpected(in, i, end, expected);
    }
    return i;
  }

  private static int digits(JsonInput in, int i, int end) {
    while (i < end && isDigit(in.byteAt(i))) {
      i++;
    }
    return i;
  }

  private static boolean isDigit(int c) {
    return c >= '0' && c <= '9';
  }

  /** Reads the literal {@code word} at {@code start}; appends its entry and returns its end. */
  private int literal(JsonInput in, int start, int end, byte[] word, int kind) {
    for (int k = 1; k < word.length; k++) {
      int i = start + k;
      if (i >= end) {
        throw endOfInput(in, end, "expected `" + ascii(word) + "`");
      }
      if (in.byteAt(i) != word[k]) {
        throw unexpected(in, i, end, "expected `" + ascii(word) + "`");
      }
    }
    emit(kind, start, start + word.length);
    return start + word.length;
  }

  // ---- error reporting -------------------------------------------------------------------------

  /** Returns an exception for an unexpected byte at {@code pos}, before {@code end}. */
  private static CloudTrailParseException unexpected(
      JsonInput in, int pos, int end, String expected) {
    return error(in, pos, "unexpected " + describe(in, pos, end) + ": " + expected);
  }

  /**
   * Returns an exception for input that ends at {@code end} before the document does: {@link
   * JsonInput.OutOfInput#INSTANCE} when the input's end may not be the data's.
   */
  private static RuntimeException endOfInput(JsonInput in, int end, String expected) {
    if (in.stopAtEnd) {
      in.outOfInput = expected;
      return JsonInput.OutOfInput.INSTANCE;
    }
    return error(in, end, "unexpected end of input: " + expected);
  }

  /**
   * Describes the byte at {@code pos} for a message: a printable character with its code, a control
   * character by its code, a byte order mark (within {@code end}) by name, any other byte in hex.
   */
  private static String describe(JsonInput in, int pos, int end) {
    int b = in.byteAt(pos);
    if (b >= 0x20 && b < 0x7F) {
      return "character `" + (char) b + "` (code " + b + ")";
    }
    if (b < 0x80) {
      return "control character (code " + b + ")";
    }
    if (b == 0xEF && pos + 2 < end && in.byteAt(pos + 1) == 0xBB && in.byteAt(pos + 2) == 0xBF) {
      return "byte order mark (U+FEFF)";
    }
    return "byte " + hex(b);
  }

  private static String ascii(byte[] word) {
    return new String(word, java.nio.charset.StandardCharsets.US_ASCII);
  }

  private static String hex(int b) {
    return "0x" + Character.forDigit(b >> 4, 16) + Character.forDigit(b & 0xF, 16);
  }

  /**
   * Returns an exception with {@code reason} located at {@code offset} of {@code in}; the line and
   * column are computed now, from {@code in.locateFrom} (the start of the buffer unless a reader
   * set it).
   */
  static CloudTrailParseException error(JsonInput in, int offset, String reason) {
    long location = locate(in, offset);
    return new CloudTrailParseException(reason, offset, (int) (location >>> 32), (int) location);
  }

  // ---- location --------------------------------------------------------------------------------

  /**
   * Returns the 1-based line (high 32 bits) and column in bytes (low 32 bits) of {@code offset}.
   * Lines end at {@code \n}, {@code \r\n} or a lone {@code \r}. Runs only when an error is
   * reported: the scanner itself never tracks lines.
   */
  static long locate(JsonInput in, int offset) {
    int line = 1;
    int lineStart = in.locateFrom;
    int capacity = in.capacity();
    for (int i = lineStart; i < offset; i++) {
      int b = in.byteAt(i);
      if (b == '\n' || (b == '\r' && (i + 1 >= capacity || in.byteAt(i + 1) != '\n'))) {
        line++;
        lineStart = i + 1;
      }
    }
    return ((long) line << 32) | (offset - lineStart + 1);
  }
}
