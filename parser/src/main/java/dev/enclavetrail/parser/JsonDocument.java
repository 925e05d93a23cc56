package dev.enclavetrail.parser;

import static dev.enclavetrail.parser.JsonEngine.ARRAY;
import static dev.enclavetrail.parser.JsonEngine.DECIMAL;
import static dev.enclavetrail.parser.JsonEngine.END;
import static dev.enclavetrail.parser.JsonEngine.ENTRY;
import static dev.enclavetrail.parser.JsonEngine.ESCAPED;
import static dev.enclavetrail.parser.JsonEngine.FALSE;
import static dev.enclavetrail.parser.JsonEngine.HEX;
import static dev.enclavetrail.parser.JsonEngine.HIGH_BYTES;
import static dev.enclavetrail.parser.JsonEngine.KIND_MASK;
import static dev.enclavetrail.parser.JsonEngine.NULL;
import static dev.enclavetrail.parser.JsonEngine.NUMBER;
import static dev.enclavetrail.parser.JsonEngine.OBJECT;
import static dev.enclavetrail.parser.JsonEngine.STRING;
import static dev.enclavetrail.parser.JsonEngine.TRUE;

import dev.enclavetrail.core.json.JsonArray;
import dev.enclavetrail.core.json.JsonBoolean;
import dev.enclavetrail.core.json.JsonNull;
import dev.enclavetrail.core.json.JsonNumber;
import dev.enclavetrail.core.json.JsonObject;
import dev.enclavetrail.core.json.JsonString;
import dev.enclavetrail.core.json.JsonValue;
import java.math.BigDecimal;
import java.util.Arrays;

/**
 * Stage 2 of the JSON engine: on-demand access to a document that {@link JsonEngine} has checked
 * and recorded on its tape.
 *
 * <p>Values are named by <em>handles</em>, plain {@code int}s (tape indices), so navigating,
 * comparing, and reading booleans and integers of up to 18 digits allocate nothing; {@link
 * #decodeString(int)}, {@link #numberText(int)}, {@link #decimalValue(int)} and {@link
 * #toJsonValue(int)} are the methods that allocate. Member names and strings are compared as raw
 * UTF-8 bytes when they have no escape, and decoded on the fly (still without allocating) when they
 * have.
 *
 * <pre>{@code
 * JsonDocument doc = engine.parse(bytes);
 * int identity = doc.member(doc.root(), USER_IDENTITY);     // -1 if absent
 * for (int m = doc.firstMember(identity); m >= 0; m = doc.nextMember(m)) {
 *   if (doc.nameEquals(m, TYPE)) {
 *     String type = doc.decodeString(doc.memberValue(m));
 *   }
 * }
 * }</pre>
 *
 * <p><b>Lifetime.</b> A document and its handles are valid only until its engine parses another
 * document: the engine reuses the tape, and the caller may reuse the input buffer. Use after that
 * is a bug, caught under assertions by a generation check; {@link #toJsonValue(int)} copies what
 * must outlive the document. A document is not thread-safe.
 *
 * <p>Member lookup returns the first member of a name; the structural pass accepts repeated names
 * (RFC 8259 allows them) unless {@link JsonOptions#rejectDuplicateNames()} is set, as the record
 * reader sets it, while {@link #toJsonValue(int)} always rejects them, as core's reader does,
 * because a {@link JsonObject} cannot hold two members of one name.
 *
 * <p>The record reader reuses one document per engine ({@link JsonEngine#parseValue}), so that
 * reading a record allocates no document.
 */
final class JsonDocument {

  private final JsonEngine engine;
  private JsonInput input;
  private int[] tape;
  private long generation;

  JsonDocument(JsonEngine engine, JsonInput input, int[] tape, long generation) {
    this.engine = engine;
    this.input = input;
    this.tape = tape;
    this.generation = generation;
  }

  /** Points this document at the engine's latest parse; only its engine calls this. */
  void reset(JsonInput input, int[] tape, long generation) {
    this.input = input;
    this.tape = tape;
    this.generation = generation;
  }

  /** Returns the bytes this document reads. */
  JsonInput input() {
    return input;
  }

  // ---- the document ----------------------------------------------------------------------------

  /** Returns the handle of the document's value. */
  int root() {
    assert live();
    return 0;
  }

  /** Returns true while this document is the last one its engine parsed. */
  boolean live() {
    return engine.generation() == generation;
  }

  // ---- any value -------------------------------------------------------------------------------

  /** Returns the kind of value {@code v}. */
  JsonValue.Kind kind(int v) {
    assert live();
    return switch (tape[v] & KIND_MASK) {
      case OBJECT -> JsonValue.Kind.OBJECT;
      case ARRAY -> JsonValue.Kind.ARRAY;
      case STRING -> JsonValue.Kind.STRING;
      case NUMBER -> JsonValue.Kind.NUMBER;
      case TRUE, FALSE -> JsonValue.Kind.BOOLEAN;
      case NULL -> JsonValue.Kind.NULL;
      default -> throw new IllegalArgumentException("not a value handle: " + v);
    };
  }

  /** Returns the offset of the first byte of value {@code v} (a quote, a bracket, a digit...). */
  int byteOffset(int v) {
    assert live();
    return tape[v + 1];
  }

  /** Returns the offset just past the last byte of value {@code v}. */
  int endOffset(int v) {
    assert live();
    return isContainer(v) ? tape[tape[v + 2] + 1] + 1 : tape[v + 2];
  }

  /** Returns true if value {@code v} is {@code null}. */
  boolean isNull(int v) {
    assert live();
    return (tape[v] & KIND_MASK) == NULL;
  }

  /**
   * Returns the value of boolean {@code v}.
   *
   * @throws IllegalArgumentException if {@code v} is not a boolean
   */
  boolean booleanValue(int v) {
    assert live();
    int k = tape[v] & KIND_MASK;
    if (k != TRUE && k != FALSE) {
      throw notA(v, "boolean");
    }
    return k == TRUE;
  }

  // ---- containers ------------------------------------------------------------------------------

  /**
   * Returns the number of members of object {@code v}, or of elements of array {@code v}.
   *
   * @throws IllegalArgumentException if {@code v} is not an object or an array
   */
  int size(int v) {
    assert live();
    if (!isContainer(v)) {
      throw notA(v, "container");
    }
    return tape[tape[v + 2] + 2];
  }

  /**
   * Returns the value of the first member of object {@code object} named {@code name} (UTF-8), or
   * -1 if there is none.
   *
   * @throws IllegalArgumentException if {@code object} is not an object
   */
  int member(int object, byte[] name) {
    assert live();
    requireKind(object, OBJECT, "object");
    int m = object + ENTRY;
    while (tape[m] != END) {
      if (stringEquals0(m, name)) {
        return m + ENTRY;
      }
      m = skip(m + ENTRY);
    }
    return -1;
  }

  /**
   * Returns the first member of object {@code object} (the handle of its name), or -1 if it is
   * empty.
   *
   * @throws IllegalArgumentException if {@code object} is not an object
   */
  int firstMember(int object) {
    assert live();
    requireKind(object, OBJECT, "object");
    int m = object + ENTRY;
    return tape[m] == END ? -1 : m;
  }

  /** Returns the member after member {@code member}, or -1 if it is the last one. */
  int nextMember(int member) {
    assert live();
    int m = skip(member + ENTRY);
    return tape[m] == END ? -1 : m;
  }

  /** Returns the value of member {@code member}. */
  int memberValue(int member) {
    assert live();
    return member + ENTRY;
  }

  /** Returns true if the name of member {@code member} is {@code utf8}. */
  boolean nameEquals(int member, byte[] utf8) {
    assert live();
    return stringEquals0(member, utf8);
  }

  /** Returns the decoded name of member {@code member}. */
  String memberName(int member) {
    return decodeString(member);
  }

  /**
   * Returns the first element of array {@code array}, or -1 if it is empty.
   *
   * @throws IllegalArgumentException if {@code array} is not an array
   */
  int firstElement(int array) {
    assert live();
    requireKind(array, ARRAY, "array");
    int e = array + ENTRY;
    return tape[e] == END ? -1 : e;
  }

  /** Returns the element after element {@code element}, or -1 if it is the last one. */
  int nextElement(int element) {
    assert live();
    int e = skip(element);
    return tape[e] == END ? -1 : e;
  }

  /** Returns the entry just past value {@code v}: its next sibling, or its container's end. */
  private int skip(int v) {
    return (isContainer(v) ? tape[v + 2] : v) + ENTRY;
  }

  /** Returns true if entry {@code v} opens an object or an array. */
  private boolean isContainer(int v) {
    int k = tape[v] & KIND_MASK;
    return k == OBJECT || k == ARRAY;
  }

  // ---- strings ---------------------------------------------------------------------------------

  /**
   * Returns true if string {@code v}, decoded, is the text whose UTF-8 encoding is {@code utf8}.
   * Compares raw bytes when the string has no escape.
   *
   * @throws IllegalArgumentException if {@code v} is not a string
   */
  boolean stringEquals(int v, byte[] utf8) {
    assert live();
    requireKind(v, STRING, "string");
    return stringEquals0(v, utf8);
  }

  /** Returns true if string {@code v} contains at least one escape. */
  boolean hasEscapes(int v) {
    assert live();
    requireKind(v, STRING, "string");
    return (tape[v] & ESCAPED) != 0;
  }

  /**
   * Returns the text of string {@code v}, escapes decoded. A {@code \}{@code u} escape of a lone
   * surrogate (which RFC 8259 allows) yields that lone {@code char}.
   *
   * @throws IllegalArgumentException if {@code v} is not a string
   */
  String decodeString(int v) {
    assert live();
    requireKind(v, STRING, "string");
    int from = tape[v + 1] + 1;
    int to = tape[v + 2] - 1;
    int flags = tape[v];
    if ((flags & ESCAPED) != 0) {
      return decodeEscaped(from, to);
    }
    // ASCII bytes read as Latin-1 give the same string without UTF-8's scan for other bytes.
    return (flags & HIGH_BYTES) == 0 ? input.ascii(from, to - from) : input.utf8(from, to - from);
  }

  private boolean stringEquals0(int v, byte[] utf8) {
    int from = tape[v + 1] + 1;
    int to = tape[v + 2] - 1;
    if ((tape[v] & ESCAPED) == 0) {
      return to - from == utf8.length && input.regionEquals(from, utf8);
    }
    return escapedEquals(from, to, utf8);
  }

  /** Compares the escaped body {@code [from, to)} with {@code utf8}, decoding as it goes. */
  private boolean escapedEquals(int from, int to, byte[] utf8) {
    int k = 0;
    int i = from;
    while (i < to) {
      int c = input.byteAt(i);
      if (c != '\\') {
        if (k >= utf8.length || (utf8[k] & 0xFF) != c) {
          return false;
        }
        k++;
        i++;
        continue;
      }
      int e = input.byteAt(i + 1);
      int cp;
      if (e == 'u') {
        cp = hex4(i + 2);
        i += 6;
        if (Character.isHighSurrogate((char) cp)
            && i + 6 <= to
            && input.byteAt(i) == '\\'
            && input.byteAt(i + 1) == 'u') {
          int low = hex4(i + 2);
          if (Character.isLowSurrogate((char) low)) {
            cp = Character.toCodePoint((char) cp, (char) low);
            i += 6;
          }
        }
      } else {
        cp = unescape(e);
        i += 2;
      }
      k = matchCodePoint(cp, utf8, k);
      if (k < 0) {
        return false;
      }
    }
    return k == utf8.length;
  }

  /**
   * Matches the UTF-8 encoding of {@code cp} (a lone surrogate encoded as three bytes, which no
   * valid UTF-8 contains) against {@code utf8} at {@code k}; returns the index after it, or -1.
   */
  private static int matchCodePoint(int cp, byte[] utf8, int k) {
    if (cp < 0x80) {
      return k < utf8.length && utf8[k] == cp ? k + 1 : -1;
    }
    int n = cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    if (k + n > utf8.length) {
      return -1;
    }
    int lead = n == 2 ? 0xC0 | (cp >> 6) : n == 3 ? 0xE0 | (cp >> 12) : 0xF0 | (cp >> 18);
    if ((utf8[k] & 0xFF) != lead) {
      return -1;
    }
    for (int j = 1; j < n; j++) {
      int b = 0x80 | ((cp >> (6 * (n - 1 - j))) & 0x3F);
      if ((utf8[k + j] & 0xFF) != b) {
        return -1;
      }
    }
    return k + n;
  }

  /** Decodes the escaped body {@code [from, to)}, which stage 1 has checked. */
  private String decodeEscaped(int from, int to) {
    char[] out = new char[to - from]; // never more UTF-16 units than bytes
    int n = 0;
    int i = from;
    while (i < to) {
      int c = input.byteAt(i);
      if (c == '\\') {
        int e = input.byteAt(i + 1);
        if (e == 'u') {
          // Surrogate pairs written as two escapes become two chars: a valid UTF-16 pair.
          out[n++] = (char) hex4(i + 2);
          i += 6;
        } else {
          out[n++] = (char) unescape(e);
          i += 2;
        }
      } else if (c < 0x80) {
        out[n++] = (char) c;
        i++;
      } else if (c < 0xE0) {
        out[n++] = (char) (((c & 0x1F) << 6) | (input.byteAt(i + 1) & 0x3F));
        i += 2;
      } else if (c < 0xF0) {
        out[n++] =
            (char)
                (((c & 0x0F) << 12)
                    | ((input.byteAt(i + 1) & 0x3F) << 6)
                    | (input.byteAt(i + 2) & 0x3F));
        i += 3;
      } else {
        int cp =
            ((c & 0x07) << 18)
                | ((input.byteAt(i + 1) & 0x3F) << 12)
                | ((input.byteAt(i + 2) & 0x3F) << 6)
                | (input.byteAt(i + 3) & 0x3F);
        out[n++] = Character.highSurrogate(cp);
        out[n++] = Character.lowSurrogate(cp);
        i += 4;
      }
    }
    return new String(out, 0, n);
  }

  private int hex4(int i) {
    return (HEX[input.byteAt(i)] << 12)
        | (HEX[input.byteAt(i + 1)] << 8)
        | (HEX[input.byteAt(i + 2)] << 4)
        | HEX[input.byteAt(i + 3)];
  }

  private static int unescape(int e) {
    return switch (e) {
      case 'b' -> '\b';
      case 'f' -> '\f';
      case 'n' -> '\n';
      case 'r' -> '\r';
      case 't' -> '\t';
      default -> e; // '"', '\\' and '/' stand for themselves
    };
  }

  /** Returns true if value {@code v} is a string. */
  boolean isString(int v) {
    assert live();
    return (tape[v] & KIND_MASK) == STRING;
  }

  /** Returns true if value {@code v} is an object. */
  boolean isObject(int v) {
    assert live();
    return (tape[v] & KIND_MASK) == OBJECT;
  }

  /**
   * Returns the first 8 bytes after the opening quote of string {@code v} as a little-endian long;
   * the caller makes sure they are in the input (a member name of at least 7 bytes is followed by
   * its closing quote and a colon).
   */
  long first8(int v) {
    assert live();
    return input.longAt(tape[v + 1] + 1);
  }

  /**
   * Returns the 8 bytes that start {@code offset} bytes after the opening quote of string {@code v}
   * (offset 0 is the quote) as a little-endian long; the caller makes sure they are in the input.
   */
  long word(int v, int offset) {
    assert live();
    return input.longAt(tape[v + 1] + offset);
  }

  /**
   * Returns the number of bytes between the quotes of string {@code v} as written (escapes
   * undecoded).
   */
  int rawLength(int v) {
    assert live();
    return tape[v + 2] - tape[v + 1] - 2;
  }

  /**
   * Appends the text of string {@code v}, decoded, to {@code out} as UTF-8. A {@code \}{@code u}
   * escape of a lone surrogate, which UTF-8 cannot hold, is appended as the same six-character
   * escape, so that the text, read as JSON, gives the same string back.
   */
  void appendDecoded(int v, ByteBuilder out) {
    assert live();
    requireKind(v, STRING, "string");
    int from = tape[v + 1] + 1;
    int to = tape[v + 2] - 1;
    if ((tape[v] & ESCAPED) == 0) {
      out.append(input, from, to - from);
      return;
    }
    int i = from;
    while (i < to) {
      int run = i;
      while (run < to && input.byteAt(run) != '\\') {
        run++;
      }
      if (run > i) {
        out.append(input, i, run - i);
        i = run;
        continue;
      }
      int e = input.byteAt(i + 1);
      if (e != 'u') {
        out.append(unescape(e));
        i += 2;
        continue;
      }
      int cp = hex4(i + 2);
      int length = escapeLength(i, to, cp);
      if (length == 12) {
        cp = Character.toCodePoint((char) cp, (char) hex4(i + 8));
      } else if (Character.isSurrogate((char) cp)) {
        out.append(input, i, 6);
        i += 6;
        continue;
      }
      appendUtf8(cp, out);
      i += length;
    }
  }

  /**
   * Returns the offset in the input of the byte of string {@code v} (its escape, when it was
   * escaped) that {@link #appendDecoded} turned into byte {@code decoded} of its output; the
   * closing quote for the end of the output. Used to point at the input when an embedded record is
   * malformed.
   */
  int inputOffsetOfDecoded(int v, long decoded) {
    assert live();
    int from = tape[v + 1] + 1;
    int to = tape[v + 2] - 1;
    long n = 0;
    int i = from;
    while (i < to) {
      int c = input.byteAt(i);
      int length;
      int produced;
      if (c != '\\') {
        length = 1;
        produced = 1;
      } else if (input.byteAt(i + 1) != 'u') {
        length = 2;
        produced = 1;
      } else {
        int cp = hex4(i + 2);
        length = escapeLength(i, to, cp);
        produced =
            length == 12
                ? 4
                : Character.isSurrogate((char) cp) ? 6 : cp < 0x80 ? 1 : cp < 0x800 ? 2 : 3;
      }
      if (n + produced > decoded) {
        return i;
      }
      n += produced;
      i += length;
    }
    return to;
  }

  /** Returns 12 if the escape of {@code cp} at {@code i} starts a surrogate pair, 6 otherwise. */
  private int escapeLength(int i, int to, int cp) {
    if (Character.isHighSurrogate((char) cp)
        && i + 12 <= to
        && input.byteAt(i + 6) == '\\'
        && input.byteAt(i + 7) == 'u'
        && Character.isLowSurrogate((char) hex4(i + 8))) {
      return 12;
    }
    return 6;
  }

  private static void appendUtf8(int cp, ByteBuilder out) {
    if (cp < 0x80) {
      out.append(cp);
    } else if (cp < 0x800) {
      out.append(0xC0 | cp >> 6);
      out.append(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      out.append(0xE0 | cp >> 12);
      out.append(0x80 | (cp >> 6 & 0x3F));
      out.append(0x80 | (cp & 0x3F));
    } else {
      out.append(0xF0 | cp >> 18);
      out.append(0x80 | (cp >> 12 & 0x3F));
      out.append(0x80 | (cp >> 6 & 0x3F));
      out.append(0x80 | (cp & 0x3F));
    }
  }

  // ---- compact text ----------------------------------------------------------------------------

  /**
   * Returns the length of value {@code v} written as compact JSON: its tokens as written, without
   * the whitespace between them. Equal to {@code endOffset(v) - byteOffset(v)} exactly when the
   * input is already compact.
   */
  long compactLength(int v) {
    assert live();
    if (!isContainer(v)) {
      return (long) tape[v + 2] - tape[v + 1];
    }
    int last = tape[v + 2];
    long n = 0;
    for (int h = v; h < last; h += ENTRY) {
      int kind = tape[h] & KIND_MASK;
      if (kind == OBJECT || kind == ARRAY) {
        int count = tape[tape[h + 2] + 2];
        n += 2 + (count > 0 ? count - 1 : 0) + (kind == OBJECT ? count : 0);
      } else if (kind != END) {
        n += tape[h + 2] - tape[h + 1];
      }
    }
    return n;
  }

  private static final int COMPACT_OBJECT = 1;
  private static final int COMPACT_FIRST = 2;
  private static final int COMPACT_VALUE = 4;

  /**
   * Appends value {@code v} to {@code out} as compact JSON: its tokens as written (strings keep
   * their escapes, numbers their spelling), separated by {@code ,} and {@code :} only. Iterative.
   */
  void appendCompact(int v, ByteBuilder out) {
    assert live();
    if (!isContainer(v)) {
      out.append(input, tape[v + 1], tape[v + 2] - tape[v + 1]);
      return;
    }
    int last = tape[v + 2];
    int[] open = new int[16];
    int depth = 0;
    for (int h = v; h <= last; h += ENTRY) {
      int kind = tape[h] & KIND_MASK;
      if (kind == END) {
        depth--;
        out.append((open[depth] & COMPACT_OBJECT) != 0 ? '}' : ']');
        continue;
      }
      if (depth > 0) {
        int f = open[depth - 1];
        if ((f & COMPACT_OBJECT) != 0 && (f & COMPACT_VALUE) == 0) {
          if ((f & COMPACT_FIRST) == 0) {
            out.append(',');
          }
          out.append(input, tape[h + 1], tape[h + 2] - tape[h + 1]);
          out.append(':');
          open[depth - 1] = (f & ~COMPACT_FIRST) | COMPACT_VALUE;
          continue;
        }
        if ((f & COMPACT_OBJECT) != 0) {
          open[depth - 1] = f & ~COMPACT_VALUE;
        } else {
          if ((f & COMPACT_FIRST) == 0) {
            out.append(',');
          }
          open[depth - 1] = f & ~COMPACT_FIRST;
        }
      }
      if (kind == OBJECT || kind == ARRAY) {
        out.append(kind == OBJECT ? '{' : '[');
        if (depth == open.length) {
          open = Arrays.copyOf(open, depth * 2);
        }
        open[depth++] = (kind == OBJECT ? COMPACT_OBJECT : 0) | COMPACT_FIRST;
      } else {
        out.append(input, tape[h + 1], tape[h + 2] - tape[h + 1]);
      }
    }
  }

  // ---- numbers ---------------------------------------------------------------------------------

  /**
   * Returns number {@code v} as it is spelled in the input.
   *
   * @throws IllegalArgumentException if {@code v} is not a number
   */
  String numberText(int v) {
    assert live();
    requireKind(v, NUMBER, "number");
    return input.ascii(tape[v + 1], tape[v + 2] - tape[v + 1]);
  }

  /**
   * Returns number {@code v} as a {@code long}; integers of up to 18 digits are read without
   * allocating.
   *
   * @throws ArithmeticException if it has a non-zero fractional part or does not fit in a long
   * @throws CloudTrailParseException if its exponent is beyond the range of {@link BigDecimal}
   * @throws IllegalArgumentException if {@code v} is not a number
   */
  long longValue(int v) {
    assert live();
    requireKind(v, NUMBER, "number");
    int from = tape[v + 1];
    int to = tape[v + 2];
    boolean negative = input.byteAt(from) == '-';
    int digits = negative ? from + 1 : from;
    if ((tape[v] & DECIMAL) == 0 && to - digits <= 18) {
      long value = 0;
      for (int i = digits; i < to; i++) {
        value = value * 10 + (input.byteAt(i) - '0');
      }
      return negative ? -value : value;
    }
    return decimalValue(v).longValueExact();
  }

  /**
   * Returns the exact value of number {@code v}.
   *
   * @throws CloudTrailParseException if its exponent is beyond the range of {@link BigDecimal}
   * @throws IllegalArgumentException if {@code v} is not a number
   */
  BigDecimal decimalValue(int v) {
    String text = numberText(v);
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw outOfRange(v, text);
    }
  }

  private CloudTrailParseException outOfRange(int v, String text) {
    return JsonEngine.error(
        input, tape[v + 1], "number `" + excerpt(text) + "` is out of range (exponent too large)");
  }

  // ---- materialisation -------------------------------------------------------------------------

  /** Returns the document's value as a core JSON value; see {@link #toJsonValue(int)}. */
  JsonValue toJsonValue() {
    return toJsonValue(root());
  }

  /**
   * Returns value {@code v} as an immutable core {@link JsonValue} that owns its data: members in
   * input order, strings decoded, numbers by {@link JsonNumber#parse(String)} (spelling kept).
   * Iterative, so its stack use does not depend on the nesting depth.
   *
   * @throws CloudTrailParseException at the second name if an object repeats a member name, or at a
   *     number whose exponent is beyond the range of {@link BigDecimal}
   */
  JsonValue toJsonValue(int v) {
    assert live();
    if (!isContainer(v)) {
      return scalar(v, tape[v] & KIND_MASK);
    }
    // The members (or elements) of the open containers, innermost last, from base[depth] on; an
    // object's members go to core in one call once its end is reached.
    String[] names = scratchNames;
    JsonValue[] values = scratchValues;
    int[] nameAt = scratchNameAt;
    int[] base = scratchBase;
    int[] frame = scratchFrame; // by depth: FRAME_OBJECT, plus FRAME_NAMED between name and value
    int sp = 0;
    int top = -1;
    int last = tape[v + 2];
    for (int e = v; ; e += ENTRY) {
      int kind = tape[e] & KIND_MASK;
      JsonValue value;
      if (kind == OBJECT || kind == ARRAY) {
        top++;
        if (top == base.length) {
          base = scratchBase = Arrays.copyOf(base, top * 2);
          frame = scratchFrame = Arrays.copyOf(frame, top * 2);
        }
        base[top] = sp;
        frame[top] = kind == OBJECT ? FRAME_OBJECT : 0;
        continue;
      }
      if (kind == END) {
        int from = base[top];
        value =
            frame[top] == FRAME_OBJECT
                ? object(names, values, nameAt, from, sp - from)
                : array(values, from, sp - from);
        Arrays.fill(values, from, sp, null);
        sp = from;
        top--;
        if (e == last) {
          return value;
        }
      } else if (frame[top] == FRAME_OBJECT) {
        if (sp == names.length) {
          names = scratchNames = Arrays.copyOf(names, sp * 2);
          values = scratchValues = Arrays.copyOf(values, sp * 2);
          nameAt = scratchNameAt = Arrays.copyOf(nameAt, sp * 2);
        }
        names[sp] =
            (tape[e] & ESCAPED) == 0
                ? engine.names().get(input, tape[e + 1] + 1, tape[e + 2] - tape[e + 1] - 2)
                : decodeString(e);
        nameAt[sp] = e;
        sp++; // the member's slot, taken before its value's own members
        frame[top] = FRAME_OBJECT | FRAME_NAMED;
        continue;
      } else {
        value = scalar(e, kind);
      }
      if (frame[top] != 0) {
        values[sp - 1] = value;
        frame[top] = FRAME_OBJECT;
      } else {
        if (sp == values.length) {
          names = scratchNames = Arrays.copyOf(names, sp * 2);
          values = scratchValues = Arrays.copyOf(values, sp * 2);
          nameAt = scratchNameAt = Arrays.copyOf(nameAt, sp * 2);
        }
        values[sp++] = value;
      }
    }
  }

  private static final int FRAME_OBJECT = 1;
  private static final int FRAME_NAMED = 2;

  // Reused by toJsonValue, which grows them; values are cleared after use, so as not to keep a
  // record alive.
  private String[] scratchNames = new String[64];
  private JsonValue[] scratchValues = new JsonValue[64];
  private int[] scratchNameAt = new int[64];
  private int[] scratchBase = new int[16];
  private int[] scratchFrame = new int[16];

  private JsonObject object(String[] names, JsonValue[] values, int[] nameAt, int from, int n) {
    try {
      return JsonObject.copyOf(names, values, from, n);
    } catch (IllegalArgumentException repeated) {
      for (int i = from + 1; i < from + n; i++) {
        for (int j = from; j < i; j++) {
          if (names[j].equals(names[i])) {
            throw JsonEngine.error(
                input, tape[nameAt[i] + 1], "duplicate member name `" + excerpt(names[i]) + "`");
          }
        }
      }
      throw repeated;
    }
  }

  private static JsonArray array(JsonValue[] values, int from, int n) {
    return n == 0 ? JsonArray.empty() : JsonArray.of(Arrays.copyOfRange(values, from, from + n));
  }

  private JsonValue scalar(int v, int kind) {
    return switch (kind) {
      case STRING -> new JsonString(decodeString(v));
      case NUMBER -> number(v);
      case TRUE -> JsonBoolean.TRUE;
      case FALSE -> JsonBoolean.FALSE;
      case NULL -> JsonNull.INSTANCE;
      default -> throw new IllegalArgumentException("not a value handle: " + v);
    };
  }

  private JsonNumber number(int v) {
    int from = tape[v + 1];
    int digits = tape[v + 2] - from;
    if ((tape[v] & DECIMAL) == 0
        && digits <= 18
        && !(digits == 2 && input.byteAt(from) == '-' && input.byteAt(from + 1) == '0')) {
      // An integer spelled as Long.toString spells it: no regular expression, no BigDecimal parse.
      return JsonNumber.of(longValue(v));
    }
    String text = numberText(v);
    try {
      return JsonNumber.parse(text);
    } catch (IllegalArgumentException e) {
      // Stage 1 checked the grammar: only an exponent beyond the range of BigDecimal gets here.
      throw outOfRange(v, text);
    }
  }

  // ---- errors ----------------------------------------------------------------------------------

  private void requireKind(int v, int kind, String what) {
    if ((tape[v] & KIND_MASK) != kind) {
      throw notA(v, what);
    }
  }

  private IllegalArgumentException notA(int v, String what) {
    return new IllegalArgumentException(
        "value at byte " + tape[v + 1] + " is not a " + what + " but a " + kind(v).displayName());
  }

  /**
   * Returns at most 100 characters of {@code text}, control characters escaped as {@code \\uXXXX},
   * so that a message quoting input stays one line and short.
   */
  static String excerpt(String text) {
    int n = Math.min(text.length(), 100);
    StringBuilder out = new StringBuilder(n + 8);
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        out.append("\\u00")
            .append(Character.forDigit(c >> 4, 16))
            .append(Character.forDigit(c & 0xF, 16));
      } else {
        out.append(c);
      }
    }
    return text.length() > n ? out.append('…').toString() : out.toString();
  }
}
