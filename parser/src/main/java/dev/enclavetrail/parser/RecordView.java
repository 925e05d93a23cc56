package dev.enclavetrail.parser;

import dev.enclavetrail.core.AttestationRecipient;
import dev.enclavetrail.core.CloudTrailFormatException;
import dev.enclavetrail.core.CloudTrailRecord;
import dev.enclavetrail.core.CloudTrailTime;
import dev.enclavetrail.core.json.JsonObject;
import dev.enclavetrail.core.json.JsonValue;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A lazy view of one CloudTrail record as {@link CloudTrailReader} reads it: fields are found in
 * the bytes on demand, and nothing is decoded that is not asked for.
 *
 * <p>The filter methods {@link #isKms()}, {@link #eventSourceIs(byte[])}, {@link
 * #eventNameIs(byte[])} and {@link #hasRecipient()} compare bytes and allocate nothing. The
 * accessors that return values ({@link #eventSource()}, {@link #eventTime()}, {@link
 * #recipient()}...) decode only their field; {@link #toRecord()} materialises the whole record as
 * core's {@link CloudTrailRecord}, equal to what core's Jackson binding reads from the same bytes;
 * {@link #writeJson(OutputStream)} writes it as one line of compact JSON. Values that repeat from
 * record to record ({@link #eventSource()}, {@link #eventName()}, {@link #awsRegion()}, {@link
 * #recipientAccountId()}, {@link #recipient()}) come from small caches keyed by their exact bytes,
 * so equal values may be the same instance; they are immutable, and never tied to the view.
 *
 * <pre>{@code
 * reader.read(dir, view -> {
 *   if (view.isKms() && view.hasRecipient()) {
 *     CloudTrailRecord record = view.toRecord();   // owns its data
 *     ...
 *   }
 * });
 * }</pre>
 *
 * <p><b>Lifetime.</b> One view object is reused for every record of a read (it is a flyweight over
 * the reader's buffers). It is valid only until the {@link RecordHandler} it was handed to returns,
 * or, with {@link RecordStream}, until the next call to {@code hasNext()}, {@code next()} or {@code
 * close()}. Using it after that is a bug: it throws {@link IllegalStateException} when the read has
 * moved on without binding another record, is caught by a generation check under assertions, and
 * otherwise shows another record. Keep values, or the record from {@link #toRecord()}, instead of
 * the view. A view is not thread-safe.
 *
 * <p><b>Errors.</b> A known field of the wrong type (say {@code eventSource} a number) makes the
 * accessors of that field, {@link #recipient()} and {@link #toRecord()} throw a {@link
 * CloudTrailParseException} naming the field, located at its value in the file; the filter methods
 * return false instead. Offsets are those of the file (for {@link DeliveryShape#LOOKUP_EVENTS} and
 * {@link DeliveryShape#CLOUDWATCH_LOGS}, of the escape in the {@code CloudTrailEvent} or {@code
 * message} string that holds the offending byte).
 */
public final class RecordView {

  // ---- configuration ---------------------------------------------------------------------------

  private static final byte[] KMS = utf8(CloudTrailRecord.KMS_EVENT_SOURCE);
  private static final byte[] RECIPIENT = utf8("recipient");
  private static final byte[] ARN = utf8("arn");
  private static final byte[] ACCOUNT_ID = utf8("accountId");
  private static final byte[] KEY_ID = utf8("keyId");

  private static final int EVENT_SOURCE = 0;
  private static final int EVENT_NAME = 1;
  private static final int EVENT_TIME = 2;
  private static final int EVENT_ID = 3;
  private static final int AWS_REGION = 4;
  private static final int USER_IDENTITY = 5;
  private static final int REQUEST_PARAMETERS = 6;
  private static final int ADDITIONAL_EVENT_DATA = 7;
  private static final int RECIPIENT_ACCOUNT_ID = 8;

  /** The top-level members found by {@link #index()}, by slot. */
  private static final String[] SLOT_NAMES = {
    "eventSource",
    "eventName",
    "eventTime",
    "eventID",
    "awsRegion",
    "userIdentity",
    "requestParameters",
    "additionalEventData",
    "recipientAccountId"
  };

  private static final byte[][] SLOT_BYTES = new byte[SLOT_NAMES.length][];

  /** The first 8 bytes of each slot's name as it is written (with the closing quote if short). */
  private static final long[] SLOT_FIRST8 = new long[SLOT_NAMES.length];

  /** The last 8 bytes of each slot's name (with the opening quote if it has 7). */
  private static final long[] SLOT_LAST8 = new long[SLOT_NAMES.length];

  /** Bytes 8 to 15 of each slot's name, for the names longer than 16 bytes; 0 for the others. */
  private static final long[] SLOT_MID8 = new long[SLOT_NAMES.length];

  static {
    for (int i = 0; i < SLOT_NAMES.length; i++) {
      SLOT_BYTES[i] = utf8(SLOT_NAMES[i]);
      byte[] quoted = utf8("\"" + SLOT_NAMES[i] + "\"");
      int length = SLOT_BYTES[i].length;
      SLOT_FIRST8[i] = word(quoted, 1);
      SLOT_LAST8[i] = word(quoted, length - 7);
      SLOT_MID8[i] = length > 16 ? word(quoted, 9) : 0;
    }
  }

  /** Returns the 8 bytes of {@code b} at {@code from} as a little-endian long. */
  private static long word(byte[] b, int from) {
    long w = 0;
    for (int k = 0; k < 8; k++) {
      w |= (b[from + k] & 0xFFL) << (8 * k);
    }
    return w;
  }

  /** The longest string (in bytes) that the cache of common strings keeps. */
  private static final int MAX_CACHED_LENGTH = 64;

  /**
   * The largest recipient object (in bytes) that the cache of recipients keeps (a real one has
   * 300-800), which bounds what a view holds on to between reads: 256 entries of at most this many
   * bytes and the recipient built from them, a couple of MiB at worst.
   */
  private static final int MAX_CACHED_RECIPIENT = 2048;

  // ---- state -----------------------------------------------------------------------------------

  private final ReadSession session;
  private JsonDocument doc;
  private int root;
  private @Nullable SourceFile source;
  private long recordIndex;
  private long byteOffset;
  private long generation;
  private boolean bound;
  private boolean indexed;
  private final int[] slots = new int[SLOT_NAMES.length];

  /** Strings decoded by {@link #common(int)}, by their bytes. */
  private final BytesCache<String> strings = new BytesCache<>();

  /**
   * Recipients read by {@link #recipient()}, by their object's bytes: an attested workload sends
   * the same few recipients over and over (enclave-mix: 59 distinct among 3,861), and each is
   * immutable. Materialising a recipient and building it was 15% of the reader's scan of
   * enclave-mix and nearly all of its allocation.
   */
  private final BytesCache<AttestationRecipient> recipients = new BytesCache<>();

  // ---- life-cycle ------------------------------------------------------------------------------

  RecordView(ReadSession session, JsonDocument doc) {
    this.session = session;
    this.doc = doc;
  }

  /**
   * Shows value {@code root} of {@code doc} as the record {@code recordIndex} of {@code source}.
   */
  void bind(
      JsonDocument doc,
      int root,
      SourceFile source,
      long recordIndex,
      long byteOffset,
      long generation) {
    this.doc = doc;
    this.root = root;
    this.source = source;
    this.recordIndex = recordIndex;
    this.byteOffset = byteOffset;
    this.generation = generation;
    this.indexed = false;
    this.bound = true;
  }

  /** Ends the view's validity: its record's bytes may now be reused. */
  void release() {
    bound = false;
  }

  boolean isBound() {
    return bound;
  }

  private void check() {
    if (!bound) {
      throw new IllegalStateException(
          "RecordView used after its record was released: a view is valid only until its"
              + " handler returns or its iterator advances");
    }
    assert generation == session.generation() && doc.live()
        : "RecordView used after the reader moved on";
  }

  // ---- public API: where -----------------------------------------------------------------------

  /** Returns the file (or stream) the record was read from. */
  public SourceFile source() {
    check();
    return java.util.Objects.requireNonNull(source);
  }

  /**
   * Returns the 0-based index of the record within its file: its position in the {@code Records} or
   * {@code Events} array, or among the lines or events of the file (rejected records count).
   */
  public long recordIndex() {
    check();
    return recordIndex;
  }

  /**
   * Returns the offset of the record's first byte in its file, after gzip inflation: its opening
   * brace (for an EventBridge event, that of {@code detail}; for lookup-events, the opening quote
   * of its {@code CloudTrailEvent} string).
   */
  public long byteOffset() {
    check();
    return byteOffset;
  }

  // ---- public API: filters (no allocation) -----------------------------------------------------

  /** Returns true if {@code eventSource} is a string equal to {@code utf8}; allocates nothing. */
  public boolean eventSourceIs(byte[] utf8) {
    return stringIs(EVENT_SOURCE, utf8);
  }

  /** Returns true if {@code eventName} is a string equal to {@code utf8}; allocates nothing. */
  public boolean eventNameIs(byte[] utf8) {
    return stringIs(EVENT_NAME, utf8);
  }

  /** Returns true if {@code eventSource} is {@code kms.amazonaws.com}; allocates nothing. */
  public boolean isKms() {
    return stringIs(EVENT_SOURCE, KMS);
  }

  /**
   * Returns true if {@code additionalEventData.recipient} is an object: the request carried an
   * attestation document. Allocates nothing.
   */
  public boolean hasRecipient() {
    return recipientHandle() >= 0;
  }

  /** Returns true if this is a KMS request with an attestation recipient; allocates nothing. */
  public boolean isAttestedKmsRequest() {
    return isKms() && hasRecipient();
  }

  private boolean stringIs(int slot, byte[] utf8) {
    int v = slot(slot);
    return v >= 0 && doc.isString(v) && doc.stringEquals(v, utf8);
  }

  private int recipientHandle() {
    int a = slot(ADDITIONAL_EVENT_DATA);
    if (a < 0 || !doc.isObject(a)) {
      return -1;
    }
    int r = doc.member(a, RECIPIENT);
    return r >= 0 && doc.isObject(r) ? r : -1;
  }

  // ---- public API: values ----------------------------------------------------------------------

  /**
   * Returns {@code eventSource}, such as {@code kms.amazonaws.com}.
   *
   * @throws CloudTrailParseException if it is neither a string nor {@code null}
   */
  public Optional<String> eventSource() {
    return commonString(slot(EVENT_SOURCE), "eventSource");
  }

  /**
   * Returns {@code eventName}, such as {@code Decrypt}.
   *
   * @throws CloudTrailParseException if it is neither a string nor {@code null}
   */
  public Optional<String> eventName() {
    return commonString(slot(EVENT_NAME), "eventName");
  }

  /**
   * Returns {@code eventID}.
   *
   * @throws CloudTrailParseException if it is neither a string nor {@code null}
   */
  public Optional<String> eventId() {
    return string(slot(EVENT_ID), "eventID");
  }

  /**
   * Returns {@code awsRegion}.
   *
   * @throws CloudTrailParseException if it is neither a string nor {@code null}
   */
  public Optional<String> awsRegion() {
    return commonString(slot(AWS_REGION), "awsRegion");
  }

  /**
   * Returns {@code recipientAccountId}, the account that received this copy of the event.
   *
   * @throws CloudTrailParseException if it is neither a string nor {@code null}
   */
  public Optional<String> recipientAccountId() {
    return commonString(slot(RECIPIENT_ACCOUNT_ID), "recipientAccountId");
  }

  /**
   * Returns {@code userIdentity.arn}, the caller's principal ARN.
   *
   * @throws CloudTrailParseException if {@code userIdentity} is not an object or {@code arn} not a
   *     string
   */
  public Optional<String> principalArn() {
    return nested(USER_IDENTITY, ARN, "userIdentity", "arn");
  }

  /**
   * Returns {@code userIdentity.accountId}, the account of the caller.
   *
   * @throws CloudTrailParseException if {@code userIdentity} is not an object or {@code accountId}
   *     not a string
   */
  public Optional<String> accountId() {
    return nested(USER_IDENTITY, ACCOUNT_ID, "userIdentity", "accountId");
  }

  /**
   * Returns {@code requestParameters.keyId}, the KMS key the request named (an id, ARN or alias).
   *
   * @throws CloudTrailParseException if {@code requestParameters} is not an object (nor {@code
   *     null}) or {@code keyId} not a string
   */
  public Optional<String> keyId() {
    return nested(REQUEST_PARAMETERS, KEY_ID, "requestParameters", "keyId");
  }

  /**
   * Returns {@code eventTime}, read as core reads it ({@link CloudTrailTime#parse}: ISO 8601 with
   * an offset, or the basic form {@code 20131102T010628Z}).
   *
   * @throws CloudTrailParseException if it is not a string, or not a time
   */
  public Optional<Instant> eventTime() {
    int v = slot(EVENT_TIME);
    if (v < 0 || doc.kind(v) == JsonValue.Kind.NULL) {
      return Optional.empty();
    }
    if (!doc.isString(v)) {
      throw typeError("eventTime", "a string", v);
    }
    String text = doc.decodeString(v);
    try {
      return Optional.of(CloudTrailTime.parse(text));
    } catch (IllegalArgumentException e) {
      throw session.viewError(
          "field `eventTime`: " + e.getMessage(), "eventTime", doc.byteOffset(v), null);
    }
  }

  /**
   * Returns the attestation recipient ({@code additionalEventData.recipient}): module id, image
   * digest and PCRs, built from the recipient object alone.
   *
   * @throws CloudTrailParseException if {@code additionalEventData} or {@code recipient} is not an
   *     object (nor {@code null}), or a known member of it is not a string
   */
  public Optional<AttestationRecipient> recipient() {
    int a = object(slot(ADDITIONAL_EVENT_DATA), "additionalEventData");
    if (a < 0) {
      return Optional.empty();
    }
    int r = object(doc.member(a, RECIPIENT), "additionalEventData.recipient");
    if (r < 0) {
      return Optional.empty();
    }
    JsonInput in = doc.input();
    int from = doc.byteOffset(r);
    int length = doc.endOffset(r) - from;
    boolean cacheable = length >= 8 && length <= MAX_CACHED_RECIPIENT;
    long h = cacheable ? hash(in, from, length) : 0;
    AttestationRecipient cached = cacheable ? recipients.get(in, from, length, h) : null;
    if (cached != null) {
      return Optional.of(cached);
    }
    JsonObject json = (JsonObject) materialise(r);
    AttestationRecipient recipient;
    try {
      recipient = AttestationRecipient.of(json);
    } catch (CloudTrailFormatException x) {
      throw located(x, r, "additionalEventData.recipient");
    }
    if (cacheable) {
      recipients.put(in, from, length, h, recipient);
    }
    return Optional.of(recipient);
  }

  /** Returns a hash of the {@code length} (at least 8) bytes at {@code from} of {@code in}. */
  private static long hash(JsonInput in, int from, int length) {
    long h = length * 0x9E3779B97F4A7C15L;
    int last = from + length - 8;
    for (int i = from; i < last; i += 8) {
      h = (h + in.longAt(i)) * 0xC2B2AE3D27D4EB4FL;
    }
    h = (h + in.longAt(last)) * 0xC2B2AE3D27D4EB4FL;
    return h ^ (h >>> 31);
  }

  /**
   * Returns the whole record as core's model, which owns its data and outlives the view; equal to
   * what core's Jackson binding reads from the same bytes.
   *
   * @throws CloudTrailParseException if a known field has the wrong type (named, and located at its
   *     value), or a number's exponent is beyond the range of {@link java.math.BigDecimal}
   */
  public CloudTrailRecord toRecord() {
    JsonObject json = (JsonObject) materialise(root);
    try {
      return CloudTrailRecord.of(json);
    } catch (CloudTrailFormatException e) {
      throw located(e, root, "");
    }
  }

  /**
   * Writes the record as one line of compact JSON (no line terminator), JSON-equal to the input:
   * members in their order, strings with their escapes as written, numbers as spelled; only the
   * whitespace between tokens is dropped. A record that is already compact is copied as it is.
   *
   * @throws IOException if {@code out} throws it
   */
  public void writeJson(OutputStream out) throws IOException {
    check();
    int start = doc.byteOffset(root);
    int end = doc.endOffset(root);
    if (doc.input() instanceof JsonInput.OfArray array && doc.compactLength(root) == end - start) {
      out.write(array.array(), start, end - start);
      return;
    }
    ByteBuilder b = session.scratch;
    b.clear();
    doc.appendCompact(root, b);
    out.write(b.array(), 0, b.size());
  }

  @Override
  public String toString() {
    if (!bound) {
      return "RecordView[released]";
    }
    return "RecordView["
        + java.util.Objects.requireNonNull(source).name()
        + " record "
        + recordIndex
        + "]";
  }

  // ---- internal parsing ------------------------------------------------------------------------

  /** Returns the value of top-level member {@code slot}, or -1; indexes the record on first use. */
  private int slot(int slot) {
    check();
    if (!indexed) {
      index();
    }
    return slots[slot];
  }

  /** Finds the top-level members of the slots in one pass over the record's members. */
  private void index() {
    Arrays.fill(slots, -1);
    int found = 0;
    JsonDocument d = doc;
    for (int m = d.firstMember(root); m >= 0; m = d.nextMember(m)) {
      int k;
      if (d.hasEscapes(m)) {
        k = -1;
        for (int i = 0; i < SLOT_BYTES.length && k < 0; i++) {
          if (d.nameEquals(m, SLOT_BYTES[i])) {
            k = i;
          }
        }
      } else {
        int length = d.rawLength(m);
        // Every slot's name has at least 7 bytes: its first 8 (with the quote) rule most out.
        long first = length >= 7 && length <= 19 ? d.first8(m) : 0;
        k =
            switch (length) {
              case 7 -> is(d, m, first, EVENT_ID);
              case 9 ->
                  first == SLOT_FIRST8[EVENT_NAME]
                      ? is(d, m, first, EVENT_NAME)
                      : first == SLOT_FIRST8[EVENT_TIME]
                          ? is(d, m, first, EVENT_TIME)
                          : is(d, m, first, AWS_REGION);
              case 11 -> is(d, m, first, EVENT_SOURCE);
              case 12 -> is(d, m, first, USER_IDENTITY);
              case 17 -> is(d, m, first, REQUEST_PARAMETERS);
              case 18 -> is(d, m, first, RECIPIENT_ACCOUNT_ID);
              case 19 -> is(d, m, first, ADDITIONAL_EVENT_DATA);
              default -> -1;
            };
      }
      if (k >= 0 && slots[k] < 0) {
        slots[k] = d.memberValue(m);
        if (++found == SLOT_NAMES.length) {
          break;
        }
      }
    }
    indexed = true;
  }

  /**
   * Returns {@code slot} if the unescaped name of {@code member}, which has the length of the
   * slot's name and starts with {@code first8}, is the slot's name; -1 otherwise. Compares words:
   * the first 8 bytes, the last 8 and, for names longer than 16 bytes, bytes 8 to 15 cover every
   * byte of a name of up to 24.
   */
  private static int is(JsonDocument d, int member, long first8, int slot) {
    if (first8 != SLOT_FIRST8[slot]) {
      return -1;
    }
    int length = SLOT_BYTES[slot].length;
    if (d.word(member, length - 7) != SLOT_LAST8[slot]) {
      return -1;
    }
    return length <= 16 || d.word(member, 9) == SLOT_MID8[slot] ? slot : -1;
  }

  /**
   * Returns what {@link #string} returns, for a field whose values repeat (eventSource, eventName,
   * awsRegion, recipientAccountId): a value seen before is returned from {@link #strings}. Decoding
   * (a copy of the bytes and a String) was a tenth of the reader's scan of invictus; with this
   * cache and {@link #index()} comparing names by words, the scan took 8-9% less time on invictus
   * and 10% less on enclave-mix (A/B in one JVM, best run per round).
   */
  private Optional<String> commonString(int v, String field) {
    if (v < 0) {
      return Optional.empty();
    }
    return switch (doc.kind(v)) {
      case STRING -> Optional.of(common(v));
      case NULL -> Optional.empty();
      default -> throw typeError(field, "a string", v);
    };
  }

  /**
   * Returns string {@code v} decoded: the same String as the last time these bytes were decoded
   * when they are still in the cache (compared whole), else decoded now and cached.
   */
  private String common(int v) {
    JsonDocument d = doc;
    int length = d.rawLength(v);
    if (length > MAX_CACHED_LENGTH || d.hasEscapes(v)) {
      return d.decodeString(v);
    }
    JsonInput in = d.input();
    int from = d.byteOffset(v) + 1;
    // A sample of four bytes and the length: values of one field differ early, late or in length.
    long h = length;
    if (length > 0) {
      h = h * 31 + in.byteAt(from);
      h = h * 31 + in.byteAt(from + (length >>> 1));
      h = h * 31 + in.byteAt(from + length - 1);
      h = h * 31 + in.byteAt(from + (length >>> 2));
    }
    h *= 0x9E3779B97F4A7C15L;
    String cached = strings.get(in, from, length, h);
    if (cached != null) {
      return cached;
    }
    String text = d.decodeString(v);
    strings.put(in, from, length, h, text);
    return text;
  }

  private Optional<String> string(int v, String field) {
    if (v < 0) {
      return Optional.empty();
    }
    return switch (doc.kind(v)) {
      case STRING -> Optional.of(doc.decodeString(v));
      case NULL -> Optional.empty();
      default -> throw typeError(field, "a string", v);
    };
  }

  /** Returns object {@code v}, or -1 if it is absent or null. */
  private int object(int v, String field) {
    if (v < 0) {
      return -1;
    }
    return switch (doc.kind(v)) {
      case OBJECT -> v;
      case NULL -> -1;
      default -> throw typeError(field, "an object", v);
    };
  }

  private Optional<String> nested(int slot, byte[] name, String objectField, String member) {
    int o = object(slot(slot), objectField);
    if (o < 0) {
      return Optional.empty();
    }
    return string(doc.member(o, name), objectField + "." + member);
  }

  private JsonValue materialise(int v) {
    check();
    try {
      return doc.toJsonValue(v);
    } catch (CloudTrailParseException e) {
      throw session.viewError(e.reason(), null, e.byteOffset(), null);
    }
  }

  // ---- error reporting -------------------------------------------------------------------------

  private CloudTrailParseException typeError(String field, String expected, int v) {
    return session.viewError(
        "field `" + field + "`: expected " + expected + ", found " + ReadSession.kindName(doc, v),
        field,
        doc.byteOffset(v),
        null);
  }

  /**
   * Returns core's error {@code e} about the value at {@code base} (whose dotted path is {@code
   * basePath}) located at the field it names, when that field can be found.
   */
  private CloudTrailParseException located(CloudTrailFormatException e, int base, String basePath) {
    String field = e.field().orElse(null);
    int at = base;
    if (field != null && field.startsWith(basePath)) {
      String rest = field.substring(basePath.length());
      if (rest.startsWith(".")) {
        rest = rest.substring(1);
      }
      at = find(base, rest);
    }
    return session.viewError(e.reason(), field, doc.byteOffset(at), e);
  }

  /** Returns the value at dotted path {@code path} (with {@code [n]} indices) under {@code v}. */
  private int find(int v, String path) {
    int at = v;
    for (String part : path.split("\\.", -1)) {
      if (part.isEmpty()) {
        continue;
      }
      String name = part;
      int bracket = part.indexOf('[');
      if (bracket >= 0) {
        name = part.substring(0, bracket);
      }
      if (!name.isEmpty()) {
        if (!doc.isObject(at)) {
          return at;
        }
        int m = doc.member(at, utf8(name));
        if (m < 0) {
          return at;
        }
        at = m;
      }
      while (bracket >= 0) {
        int close = part.indexOf(']', bracket);
        if (close < 0 || doc.kind(at) != JsonValue.Kind.ARRAY) {
          return at;
        }
        int index;
        try {
          index = Integer.parseInt(part.substring(bracket + 1, close));
        } catch (NumberFormatException x) {
          return at;
        }
        int e = doc.firstElement(at);
        for (int i = 0; i < index && e >= 0; i++) {
          e = doc.nextElement(e);
        }
        if (e < 0) {
          return at;
        }
        at = e;
        bracket = part.indexOf('[', close);
      }
    }
    return at;
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
