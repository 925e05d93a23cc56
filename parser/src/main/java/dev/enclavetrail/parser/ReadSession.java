package dev.enclavetrail.parser;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Inflater;
import org.jspecify.annotations.Nullable;

/**
 * One read of one or more inputs, pulled a record at a time: {@link #next()} returns the view of
 * the next record, or null when every input is read. Behind {@link CloudTrailReader#read} (which
 * pushes each record to a handler) and {@link RecordStream} (an iterator). Not thread-safe.
 */
final class ReadSession implements AutoCloseable {

  /*
   * Implementation notes.
   *
   * Window. The uncompressed bytes of the current file pass through one byte[] window: `base` is
   * the file offset of window[0], `limit` the end of the valid bytes, `pos` where reading is, and
   * `mark` the first byte still needed (the start of the value being parsed). fill() reads more
   * after `limit`; when the window is full it moves [mark, limit) to the front, and when that is
   * not enough it doubles the window, up to maxRecordSize plus a little. Every index into the
   * window (pos, mark, lineIndex, pendingEnd) shifts when it moves, so nothing else may hold one
   * across a fill().
   * The initial size, 256 KiB, was measured against others (A/B harness, both builds in one JVM,
   * a 211 MB enclave-mix corpus read from byte arrays): 64 KiB was 4% slower (more records cut by
   * the window's end and parsed again), 1 MiB 1-3% faster, within noise, for four times the memory.
   *
   * Splitting. There is no separate pass that finds where a record ends: the engine parses a value
   * starting at `mark` and stops right after it (JsonEngine.parseValue). When the window ends
   * first, the engine throws the shared JsonInput.OutOfInput; fill() fetches more and the value is
   * parsed again from its start, which costs a fraction of a record per window of 256 KiB. A
   * value bounded by mark + maxRecordSize that still runs out is too large. Only the wrapper of a
   * log file, {"Records":[, is read here, by peeking at the first member name of each top-level
   * object: a "Records" or "Events" array is then streamed element by element; any other
   * top-level object is parsed whole and classified (EventBridge envelope, digest, record, or a
   * small wrapper whose Records is not its first member).
   *
   * Recovery (lenient mode). A bad array element is skipped with skipValue(), a depth count that
   * tracks strings and escapes and resumes after the element; a raw newline inside a string, or a
   * newline followed by `{` right after a complete value, ends a broken value early, since valid
   * JSON has neither. Top-level values of a file whose first value fit on one line (lineMode
   * LINES: NDJSON) are skipped line by line; the other files (DOCUMENT) by skipValue(). A value
   * cut off by the end of the data ends the file with one error; so does a broken wrapper.
   *
   * Lines. The engine counts the newlines it skips inside a record; the bytes between records are
   * counted by countLinesTo() as the window moves on. So `line` and `lineStart` (file offset of the
   * line's first byte) are always known at `lineIndex`, and an error costs a scan from its
   * record's first byte at most. A record's newlines are applied when its view is released
   * (pendingEnd), so that errors the view reports can still locate from the record's start.
   */

  // ---- configuration ---------------------------------------------------------------------------

  /** Initial window size; a window that grew beyond 4 times this is not kept between reads. */
  static final int WINDOW = 256 * 1024;

  private static final int RAW_BUFFER = 64 * 1024;

  /** How far past a top-level `{` whitespace is skipped while looking for a wrapper's name. */
  private static final int PEEK_LIMIT = 4096;

  private static final byte[] RECORDS = utf8("Records");
  private static final byte[] EVENTS = utf8("Events");
  private static final byte[] DETAIL_TYPE = utf8("detail-type");
  private static final byte[] DETAIL = utf8("detail");
  private static final byte[] LOG_EVENTS = utf8("logEvents");
  private static final byte[] MESSAGE_TYPE = utf8("messageType");
  private static final byte[] DATA_MESSAGE = utf8("DATA_MESSAGE");
  private static final byte[] CONTROL_MESSAGE = utf8("CONTROL_MESSAGE");
  private static final byte[] DIGEST_START_TIME = utf8("digestStartTime");
  private static final byte[] LOG_FILES = utf8("logFiles");
  private static final String CLOUDTRAIL_DETAIL_TYPE_SUFFIX = " via CloudTrail";

  /** States of {@link #next()}. */
  private static final int NEXT_FILE = 0;

  private static final int TOP = 1;
  private static final int ARRAY_FIRST = 2;
  private static final int ARRAY_ELEMENT = 3;
  private static final int ARRAY_NEXT = 4;
  private static final int WRAPPER = 5;
  private static final int DOC_ELEMENTS = 6;
  private static final int END_FILE = 7;
  private static final int DONE = 8;

  /** Kinds of top-level object, by the first member name. */
  private static final int PLAIN = 0;

  private static final int STREAMED_RECORDS = 1;
  private static final int STREAMED_EVENTS = 2;

  /** Kinds of error, which decide the recovery. */
  private static final int MALFORMED = 0;

  private static final int TRUNCATED = 1;
  private static final int TOO_LARGE = 2;

  /** Results of skipValue(). */
  private static final int ENDED = 0;

  private static final int BROKEN = 1;
  private static final int AT_END = 2;

  /** Line modes of a file. */
  private static final int UNKNOWN = 0;

  private static final int LINES = 1;
  private static final int DOCUMENT = 2;

  private final int maxRecordSize;
  private final int maxWindow;
  private final @Nullable RecordErrorHandler onError;
  private final JsonOptions options;

  // ---- state -----------------------------------------------------------------------------------

  private final JsonEngine engine;
  private final JsonDocument doc;
  private @Nullable JsonEngine innerEngine;
  private @Nullable JsonDocument innerDoc;
  private final ByteBuilder embedded = new ByteBuilder(1024);
  private JsonInput.OfArray embeddedInput = new JsonInput.OfArray(embedded.array());
  final ByteBuilder scratch = new ByteBuilder(4096);
  private final byte[] raw = new byte[RAW_BUFFER];
  private final Inflater inflater = new Inflater(true);
  private final CRC32 crc = new CRC32();
  private byte[] window = new byte[WINDOW];
  private JsonInput.OfArray input = new JsonInput.OfArray(window);
  final RecordView view;

  private List<Input> inputs = List.of();
  private int nextInput;
  private int state = DONE;
  private boolean inUse;

  // the current file
  private @Nullable ByteSource source;
  private boolean compressed;

  /** The session's own window while {@link #window} is a caller's array read in place. */
  private byte @Nullable [] ownWindow;

  private @Nullable InputStream opened;
  private String fileName = "";
  private @Nullable Path path;
  private @Nullable DeliveryShape shape;
  private @Nullable SourceFile sourceFile;
  private boolean digest;
  private int lineMode;
  private int values;
  private long recordIndex;
  private boolean streamedEvents;
  private int docElement;

  /** The member of each element that holds its record as a string, or null for records. */
  private @Nullable Embedding docEmbedded;

  private int docEnd;
  private int docNewlines;
  private int docLineStart;
  private int embeddedString = -1;

  // the window
  private int limit;
  private long base;
  private boolean eof;
  private @Nullable String failure;
  private boolean failureReported;
  private int pos;
  private int mark;
  private int errorKind;

  /** Set by skipValue(): a newline outside strings was crossed inside the value. */
  private boolean crossedNewline;

  // lines
  private int lineIndex;
  private int line;
  private long lineStart;
  private long lastCr;
  private int pendingEnd = -1;
  private int pendingNewlines;
  private int pendingLineStart;

  // counts
  private long generation;
  private long delivered;
  private long rejected;
  private int files;
  private int digestFiles;

  // ---- life-cycle ------------------------------------------------------------------------------

  ReadSession(int maxRecordSize, JsonOptions options, @Nullable RecordErrorHandler onError) {
    this.maxRecordSize = maxRecordSize;
    this.maxWindow = (int) Math.max(WINDOW, Math.min(maxRecordSize + 64L, Integer.MAX_VALUE - 8));
    this.options = options;
    this.onError = onError;
    this.engine = new JsonEngine(options);
    this.doc = engine.newDocument();
    this.view = new RecordView(this, doc);
  }

  /** One input: a file, a stream or bytes in memory, with a name. */
  static final class Input {
    final @Nullable Path path;
    final @Nullable InputStream stream;
    final byte @Nullable [] bytes;
    final String name;

    Input(@Nullable Path path, @Nullable InputStream stream, String name) {
      this(path, stream, null, name);
    }

    Input(@Nullable Path path, @Nullable InputStream stream, byte @Nullable [] bytes, String name) {
      this.path = path;
      this.stream = stream;
      this.bytes = bytes;
      this.name = name;
    }
  }

  /** Starts reading {@code inputs}, in order; the counts start from zero. */
  ReadSession start(List<Input> inputs) {
    this.inputs = inputs;
    this.nextInput = 0;
    this.state = NEXT_FILE;
    this.delivered = 0;
    this.rejected = 0;
    this.files = 0;
    this.digestFiles = 0;
    this.inUse = true;
    return this;
  }

  /** Returns true between {@link #start} and {@link #close()}. */
  boolean inUse() {
    return inUse;
  }

  /** Returns true if this session is small enough to keep for the next read of its thread. */
  boolean worthKeeping() {
    return window.length <= 4 * WINDOW && engine.tapeInts() <= 3 * 1024 * 1024;
  }

  /** Closes the current file, if this session opened it, and ends the read. */
  @Override
  public void close() {
    if (view.isBound()) {
      view.release();
    }
    closeFile();
    state = DONE;
    source = null;
    inputs = List.of();
    inUse = false;
  }

  private void closeFile() {
    byte[] own = ownWindow;
    if (own != null) {
      ownWindow = null;
      window = own;
      input = new JsonInput.OfArray(own);
    }
    InputStream in = opened;
    opened = null;
    if (in != null) {
      try {
        in.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Returns the counts so far. */
  ReadSummary summary() {
    return new ReadSummary(delivered, rejected, files, digestFiles);
  }

  /** Counts a record as delivered: the handler took it, or the iterator returned it. */
  void delivered() {
    delivered++;
  }

  // ---- public API ------------------------------------------------------------------------------

  /**
   * Returns the view of the next record, bound until the next call; null when every input is read.
   *
   * @throws CloudTrailParseException in strict mode, at the first error (the read is then over)
   * @throws UncheckedIOException if an input cannot be read
   */
  @Nullable RecordView next() {
    release();
    for (; ; ) {
      RecordView v = null;
      switch (state) {
        case NEXT_FILE -> openNext();
        case TOP -> v = top();
        case ARRAY_FIRST, ARRAY_ELEMENT -> v = element();
        case ARRAY_NEXT -> afterElement();
        case WRAPPER -> wrapper();
        case DOC_ELEMENTS -> v = docElement();
        case END_FILE -> endFile();
        default -> {
          return null;
        }
      }
      if (v != null) {
        return v;
      }
      if (pendingEnd >= 0) {
        applyLines(pendingEnd, pendingNewlines, pendingLineStart);
        pendingEnd = -1;
      }
    }
  }

  /**
   * Rejects the record just delivered: its handler threw {@code e}. Reported in lenient mode,
   * thrown in strict mode.
   */
  void rejectDelivered(CloudTrailParseException e) {
    reject(e);
  }

  // ---- internal parsing: files -----------------------------------------------------------------

  private void openNext() {
    if (nextInput == inputs.size()) {
      state = DONE;
      return;
    }
    Input in = inputs.get(nextInput++);
    files++;
    fileName = in.name;
    path = in.path;
    shape = null;
    sourceFile = null;
    digest = false;
    lineMode = UNKNOWN;
    values = 0;
    recordIndex = 0;
    limit = 0;
    base = 0;
    eof = false;
    failure = null;
    failureReported = false;
    pos = 0;
    mark = 0;
    lineIndex = 0;
    line = 1;
    lineStart = 0;
    lastCr = -2;
    pendingEnd = -1;
    byte[] bytes = in.bytes;
    if (bytes != null && !ByteSource.isGzip(bytes, bytes.length)) {
      // Read in place: the caller's array is the window, never written to, so there is no copy.
      ownWindow = window;
      window = bytes;
      input = new JsonInput.OfArray(bytes);
      limit = bytes.length;
      eof = true;
      compressed = false;
      state = TOP;
      return;
    }
    try {
      InputStream stream;
      if (in.path != null) {
        stream = Files.newInputStream(in.path);
        opened = stream;
      } else if (bytes != null) {
        stream = new ByteArrayInputStream(bytes);
      } else {
        stream = java.util.Objects.requireNonNull(in.stream);
      }
      ByteSource s = ByteSource.open(stream, raw, inflater, crc);
      source = s;
      compressed = s.compressed();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    state = TOP;
    while (limit < 3 && fill()) {
      // the first bytes, so that a byte order mark is seen whole
    }
  }

  private void endFile() {
    if (failure != null && !failureReported) {
      failureReported = true;
      reject(error(failure, limit, -1));
    }
    if (digest) {
      digestFiles++;
    }
    closeFile();
    source = null;
    state = NEXT_FILE;
  }

  // ---- internal parsing: top-level values ------------------------------------------------------

  private @Nullable RecordView top() {
    int c = skipWhitespace();
    if (c < 0) {
      state = END_FILE;
      return null;
    }
    if (c >= '0' && c <= '9' && skipExportTime()) {
      c = '{';
      setShape(DeliveryShape.NDJSON);
    }
    int start = pos;
    values++;
    if (c != '{') {
      long index = recordIndex++;
      errorKind = MALFORMED;
      reject(
          error(
              "expected a JSON object (a CloudTrail log file, record or event), found "
                  + describe(start),
              start,
              index));
      recoverTop(false);
      return null;
    }
    int wrapper = peekWrapper();
    if (wrapper != PLAIN) {
      if (shape == null) {
        shape = wrapper == STREAMED_RECORDS ? DeliveryShape.LOG_FILE : DeliveryShape.LOOKUP_EVENTS;
      }
      if (lineMode == UNKNOWN) {
        lineMode = DOCUMENT;
      }
      streamedEvents = wrapper == STREAMED_EVENTS;
      state = ARRAY_FIRST;
      return null;
    }
    int end;
    boolean more = false;
    try {
      for (; ; ) {
        end = parseAt(engine, doc, recordIndex);
        if (shape != null || values > 1) {
          break;
        }
        // First value: is it alone (a record) or the first line of several (NDJSON)?
        int p = end;
        while (p < limit && isWhitespace(window[p])) {
          p++;
        }
        if (p < limit || p - mark > maxRecordSize) {
          more = p < limit;
          break;
        }
        if (eof) {
          break;
        }
        long before = base;
        if (!fill() && base == before) {
          break;
        }
        // More bytes, or the window moved: parse the value again (its document moved too).
      }
    } catch (CloudTrailParseException e) {
      recordIndex++;
      reject(e);
      recoverTop(true);
      return null;
    }
    if (lineMode == UNKNOWN) {
      lineMode = engine.newlines() == 0 ? LINES : DOCUMENT;
    }
    return classify(end, more);
  }

  /** Handles the top-level object parsed into {@link #doc}, which ends at {@code end}. */
  private @Nullable RecordView classify(int end, boolean more) {
    int root = doc.root();
    int detailType = doc.member(root, DETAIL_TYPE);
    int detail = detailType >= 0 ? doc.member(root, DETAIL) : -1;
    if (detail >= 0) {
      setShape(DeliveryShape.EVENTBRIDGE);
      long index = recordIndex++;
      if (!doc.isString(detailType)
          || !doc.decodeString(detailType).endsWith(CLOUDTRAIL_DETAIL_TYPE_SUFFIX)) {
        String found =
            doc.isString(detailType)
                ? "`" + JsonDocument.excerpt(doc.decodeString(detailType)) + "`"
                : kindName(doc, detailType);
        rejectValue(
            "EventBridge event is not from CloudTrail: `detail-type` is " + found,
            doc.byteOffset(detailType),
            index,
            end);
        return null;
      }
      if (!doc.isObject(detail)) {
        rejectValue(
            "EventBridge `detail` must be a CloudTrail record (an object), found "
                + kindName(doc, detail),
            doc.byteOffset(detail),
            index,
            end);
        return null;
      }
      holdLines(end);
      pos = end;
      return bind(doc, detail, index, base + doc.byteOffset(detail), -1);
    }
    if (doc.member(root, DIGEST_START_TIME) >= 0 && doc.member(root, LOG_FILES) >= 0) {
      setShape(DeliveryShape.DIGEST);
      digest = true;
      skipPast(end);
      return null;
    }
    int logEvents = doc.member(root, LOG_EVENTS);
    int messageType = logEvents >= 0 ? doc.member(root, MESSAGE_TYPE) : -1;
    if (messageType >= 0
        && doc.kind(logEvents) == dev.enclavetrail.core.json.JsonValue.Kind.ARRAY) {
      return cloudWatchLogs(messageType, logEvents, end);
    }
    int records = doc.member(root, RECORDS);
    int events = records >= 0 ? -1 : doc.member(root, EVENTS);
    int array = records >= 0 ? records : events;
    if (array >= 0 && doc.kind(array) == dev.enclavetrail.core.json.JsonValue.Kind.ARRAY) {
      setShape(records >= 0 ? DeliveryShape.LOG_FILE : DeliveryShape.LOOKUP_EVENTS);
      docElement = doc.firstElement(array);
      elementsOf(array, records >= 0 ? null : Embedding.LOOKUP_EVENTS, end);
      return null;
    }
    setShape(values > 1 || more ? DeliveryShape.NDJSON : DeliveryShape.RECORD);
    long index = recordIndex++;
    holdLines(end);
    pos = end;
    return bind(doc, root, index, base + mark, -1);
  }

  /** Delivers, from the next call on, the elements of {@code array} of {@link #doc}. */
  private void elementsOf(int array, @Nullable Embedding embeddedIn, int end) {
    docElement = doc.firstElement(array);
    docEmbedded = embeddedIn;
    docEnd = end;
    docNewlines = engine.newlines();
    docLineStart = engine.lastLineStart();
    state = DOC_ELEMENTS;
  }

  /**
   * Handles a CloudWatch Logs subscription payload parsed whole: the records of a {@code
   * DATA_MESSAGE} are the {@code message} strings of its log events; a {@code CONTROL_MESSAGE}
   * holds none.
   */
  private @Nullable RecordView cloudWatchLogs(int messageType, int logEvents, int end) {
    setShape(DeliveryShape.CLOUDWATCH_LOGS);
    if (doc.isString(messageType) && doc.stringEquals(messageType, CONTROL_MESSAGE)) {
      skipPast(end);
      return null;
    }
    if (!doc.isString(messageType) || !doc.stringEquals(messageType, DATA_MESSAGE)) {
      String found =
          doc.isString(messageType)
              ? "`" + JsonDocument.excerpt(doc.decodeString(messageType)) + "`"
              : kindName(doc, messageType);
      rejectValue(
          "CloudWatch Logs `messageType` is "
              + found
              + ", expected `DATA_MESSAGE` or `CONTROL_MESSAGE`",
          doc.byteOffset(messageType),
          recordIndex++,
          end);
      return null;
    }
    elementsOf(logEvents, Embedding.LOG_EVENTS, end);
    return null;
  }

  private void setShape(DeliveryShape detected) {
    if (shape == null) {
      shape = detected;
    }
  }

  /** Rejects the top-level value [mark, end) parsed whole, for a reason found at {@code at}. */
  private void rejectValue(String reason, int at, long index, int end) {
    reject(error(reason, at, index));
    skipPast(end);
  }

  /** Moves past a value parsed whole, counting its lines. */
  private void skipPast(int end) {
    applyLines(end, engine.newlines(), engine.lastLineStart());
    pos = end;
  }

  /** Recovers from an error in the top-level value that starts at {@code mark}. */
  private void recoverTop(boolean object) {
    // In JSON lines, a value that the data's end cut off may have swallowed later lines: go on
    // with the line after its start. Elsewhere the end of the data ends the file.
    if (errorKind == TRUNCATED && lineMode != LINES) {
      state = END_FILE;
      return;
    }
    pos = mark;
    if (lineMode == LINES || (lineMode == UNKNOWN && !object)) {
      skipLine();
      return;
    }
    boolean first = lineMode == UNKNOWN;
    int r = skipValue();
    if (first) {
      lineMode = r == BROKEN || !crossedNewline ? LINES : DOCUMENT;
    }
    if (r == AT_END) {
      state = END_FILE;
    }
  }

  /**
   * At a digit that starts a top-level value: if the line starts with the time stamp that a
   * CloudWatch Logs export to S3 puts before each message ({@code 2025-01-06T10:15:31.000Z}, the
   * fraction optional), one space and an opening brace, moves {@link #pos} and {@link #mark} to the
   * brace and returns true; otherwise changes nothing and returns false.
   */
  private boolean skipExportTime() {
    int year = peekDigits(0, 4);
    int month = peekDigits(5, 2);
    int day = peekDigits(8, 2);
    int hour = peekDigits(11, 2);
    int minute = peekDigits(14, 2);
    int second = peekDigits(17, 2);
    if (peek(4) != '-'
        || peek(7) != '-'
        || peek(10) != 'T'
        || peek(13) != ':'
        || peek(16) != ':'
        || (year | month | day | hour | minute | second) < 0) {
      return false;
    }
    try {
      LocalDateTime.of(year, month, day, hour, minute, second); // a real UTC date and time
    } catch (DateTimeException e) {
      return false;
    }
    int i = 19;
    if (peek(i) == '.') {
      int digits = 0;
      while (digits < 9 && peek(i + 1 + digits) >= '0' && peek(i + 1 + digits) <= '9') {
        digits++;
      }
      if (digits == 0) {
        return false;
      }
      i += 1 + digits;
    }
    if (peek(i) != 'Z' || peek(i + 1) != ' ' || peek(i + 2) != '{') {
      return false;
    }
    pos = mark + i + 2;
    mark = pos;
    return true;
  }

  /** Returns the {@code n} decimal digits at {@code mark + i} as a number, or -1. */
  private int peekDigits(int i, int n) {
    int value = 0;
    for (int k = 0; k < n; k++) {
      int b = peek(i + k);
      if (b < '0' || b > '9') {
        return -1;
      }
      value = value * 10 + b - '0';
    }
    return value;
  }

  /**
   * Looks at the first member name of the object whose `{` is at {@code mark}: a {@code "Records"}
   * or {@code "Events"} array is streamed, and {@link #pos} is then just past its {@code [}.
   */
  private int peekWrapper() {
    int i = skipPeekedWhitespace(1);
    if (i < 0 || peek(i) != '"') {
      return PLAIN;
    }
    int kind;
    int after;
    if (peekEquals(i + 1, RECORDS)) {
      kind = STREAMED_RECORDS;
      after = i + 2 + RECORDS.length;
    } else if (peekEquals(i + 1, EVENTS)) {
      kind = STREAMED_EVENTS;
      after = i + 2 + EVENTS.length;
    } else {
      return PLAIN;
    }
    int colon = skipPeekedWhitespace(after);
    if (colon < 0 || peek(colon) != ':') {
      return PLAIN;
    }
    int bracket = skipPeekedWhitespace(colon + 1);
    if (bracket < 0 || peek(bracket) != '[') {
      return PLAIN;
    }
    pos = mark + bracket + 1;
    return kind;
  }

  /** Returns the first offset from {@code i} (relative to mark) that is not whitespace, or -1. */
  private int skipPeekedWhitespace(int i) {
    int k = i;
    for (int c = peek(k); c >= 0 && isWhitespace((byte) c); c = peek(++k)) {
      if (k - i > PEEK_LIMIT) {
        return -1;
      }
    }
    return k;
  }

  /** Returns true if the bytes at {@code i} (relative to mark) are {@code name} then a quote. */
  private boolean peekEquals(int i, byte[] name) {
    for (int k = 0; k < name.length; k++) {
      if (peek(i + k) != name[k]) {
        return false;
      }
    }
    return peek(i + name.length) == '"';
  }

  /** Returns the byte at {@code mark + i}, reading more if needed; -1 past the end. */
  private int peek(int i) {
    while (mark + i >= limit) {
      if (!fill()) {
        return -1;
      }
    }
    return window[mark + i] & 0xFF;
  }

  // ---- internal parsing: arrays of records -----------------------------------------------------

  private @Nullable RecordView element() {
    int c = skipWhitespace();
    if (c < 0) {
      endOfData(state == ARRAY_FIRST ? "expected a record or `]`" : "expected a record", -1);
      return null;
    }
    if (c == ']' && state == ARRAY_FIRST) {
      pos++;
      state = WRAPPER;
      return null;
    }
    long index = recordIndex++;
    if (c != '{') {
      errorKind = MALFORMED;
      reject(error("expected a record (a JSON object), found " + describe(pos), pos, index));
      recoverElement();
      return null;
    }
    int end;
    try {
      end = parseAt(engine, doc, index);
    } catch (CloudTrailParseException e) {
      reject(e);
      recoverElement();
      return null;
    }
    state = ARRAY_NEXT;
    holdLines(end);
    pos = end;
    if (streamedEvents) {
      return embeddedRecord(doc.root(), Embedding.LOOKUP_EVENTS, index);
    }
    return bind(doc, doc.root(), index, base + mark, -1);
  }

  private void recoverElement() {
    if (errorKind == TRUNCATED) {
      state = END_FILE;
      return;
    }
    pos = mark;
    int r = skipValue();
    state = r == ENDED ? ARRAY_NEXT : r == BROKEN ? ARRAY_ELEMENT : END_FILE;
  }

  private void afterElement() {
    int c = skipWhitespace();
    if (c < 0) {
      endOfData("expected `,` or `]`", -1);
      return;
    }
    if (c == ',') {
      pos++;
      state = ARRAY_ELEMENT;
      return;
    }
    if (c == ']') {
      pos++;
      state = WRAPPER;
      return;
    }
    reject(error("unexpected " + describe(pos) + ": expected `,` or `]`", pos, -1));
    // A missing comma before the next record is survivable; anything else ends the file.
    state = c == '{' ? ARRAY_ELEMENT : END_FILE;
  }

  /** After a streamed array: the rest of the wrapper object, its other members checked. */
  private void wrapper() {
    int c = skipWhitespace();
    if (c < 0) {
      endOfData("expected `,` or `}`", -1);
      return;
    }
    if (c == '}') {
      pos++;
      state = TOP;
      return;
    }
    if (c != ',') {
      failWrapper("unexpected " + describe(pos) + ": expected `,` or `}`", pos);
      return;
    }
    pos++;
    c = skipWhitespace();
    if (c < 0) {
      endOfData("expected a member name", -1);
      return;
    }
    if (c != '"') {
      failWrapper("unexpected " + describe(pos) + ": expected a member name", pos);
      return;
    }
    try {
      int nameEnd = parseAt(engine, doc, -1);
      if (doc.stringEquals(doc.root(), streamedEvents ? EVENTS : RECORDS)) {
        failWrapper(
            "duplicate member name `" + (streamedEvents ? "Events" : "Records") + "`", mark);
        return;
      }
      skipPast(nameEnd);
      c = skipWhitespace();
      if (c != ':') {
        if (c < 0) {
          endOfData("expected `:`", -1);
        } else {
          failWrapper("unexpected " + describe(pos) + ": expected `:`", pos);
        }
        return;
      }
      pos++;
      c = skipWhitespace();
      if (c < 0) {
        endOfData("expected a value", -1);
        return;
      }
      skipPast(parseAt(engine, doc, -1));
    } catch (CloudTrailParseException e) {
      reject(e);
      state = END_FILE;
    }
  }

  private void failWrapper(String reason, int at) {
    reject(error(reason, at, -1));
    state = END_FILE;
  }

  /** Delivers the elements of a wrapper parsed whole (its array not its first member). */
  private @Nullable RecordView docElement() {
    int e = docElement;
    if (e < 0) {
      applyLines(docEnd, docNewlines, docLineStart);
      pos = docEnd;
      state = TOP;
      return null;
    }
    docElement = doc.nextElement(e);
    long index = recordIndex++;
    if (!doc.isObject(e)) {
      reject(
          error(
              "expected a record (a JSON object), found " + kindName(doc, e),
              doc.byteOffset(e),
              index));
      return null;
    }
    Embedding embeddedIn = docEmbedded;
    if (embeddedIn != null) {
      return embeddedRecord(e, embeddedIn, index);
    }
    return bind(doc, e, index, base + doc.byteOffset(e), -1);
  }

  /** Where a wrapper's events hold their records as JSON strings, and how errors name them. */
  private static final class Embedding {
    static final Embedding LOOKUP_EVENTS = new Embedding("CloudTrailEvent", "lookup-events event");
    static final Embedding LOG_EVENTS = new Embedding("message", "CloudWatch Logs event");

    final byte[] name;
    final String member;
    final String event;

    private Embedding(String name, String event) {
      this.name = utf8(name);
      this.member = "`" + name + "`";
      this.event = event;
    }
  }

  /**
   * Parses the record held as a string in the {@code embedding} member of event {@code event} of
   * {@link #doc}.
   */
  private @Nullable RecordView embeddedRecord(int event, Embedding embedding, long index) {
    String member = embedding.member;
    int s = doc.member(event, embedding.name);
    if (s < 0) {
      reject(
          error(embedding.event + " has no " + member + " member", doc.byteOffset(event), index));
      return null;
    }
    if (!doc.isString(s)) {
      reject(
          error(
              member + " must be a string holding the record, found " + kindName(doc, s),
              doc.byteOffset(s),
              index));
      return null;
    }
    embedded.clear();
    doc.appendDecoded(s, embedded);
    int n = embedded.size();
    if (n > maxRecordSize) {
      reject(
          error(
              "record size " + n + " bytes exceeds `maxRecordSize` (" + maxRecordSize + " bytes)",
              doc.byteOffset(s),
              index));
      return null;
    }
    if (embeddedInput.array() != embedded.array()) {
      embeddedInput = new JsonInput.OfArray(embedded.array());
    }
    JsonEngine inner = innerEngine;
    JsonDocument innerDocument = innerDoc;
    if (inner == null || innerDocument == null) {
      inner = new JsonEngine(options);
      innerDocument = inner.newDocument();
      innerEngine = inner;
      innerDoc = innerDocument;
    }
    JsonInput in = embeddedInput;
    in.stopAtEnd = false;
    in.locateFrom = 0;
    try {
      int end = inner.parseValue(innerDocument, in, 0, n);
      while (end < n && isWhitespace(embedded.array()[end])) {
        end++;
      }
      if (end < n) {
        throw JsonEngine.error(
            in,
            end,
            "unexpected " + describeByte(embedded.array()[end]) + ": expected end of input");
      }
    } catch (CloudTrailParseException e) {
      reject(
          error(
              e.reason() + " (in the " + member + " string)",
              doc.inputOffsetOfDecoded(s, e.byteOffset()),
              index));
      return null;
    }
    if (!innerDocument.isObject(innerDocument.root())) {
      reject(
          error(
              member
                  + " must hold a record (an object), found "
                  + kindName(innerDocument, innerDocument.root()),
              doc.byteOffset(s),
              index));
      return null;
    }
    return bind(innerDocument, innerDocument.root(), index, base + doc.byteOffset(s), s);
  }

  // ---- internal parsing: values and the window -------------------------------------------------

  /**
   * Parses the value that starts at {@link #mark} into {@code into}, reading more as needed, and
   * returns the offset just past it. On an error, sets {@link #errorKind} and throws it located.
   */
  private int parseAt(JsonEngine eng, JsonDocument into, long index) {
    countLinesTo(mark);
    JsonInput.OfArray in;
    for (; ; ) {
      int start = mark;
      long room = (long) start + maxRecordSize;
      int end = (int) Math.min(limit, room);
      in = input;
      in.stopAtEnd = true;
      in.locateFrom = start;
      try {
        int e = eng.parseValue(into, in, start, end);
        int first = window[start];
        if (e == limit && !eof && first != '{' && first != '[') {
          fill(); // a number or literal at the end of the window may go on
          continue;
        }
        return e;
      } catch (JsonInput.OutOfInput o) {
        if (room <= limit) {
          errorKind = TOO_LARGE;
          throw error(
              "record size exceeds `maxRecordSize` (" + maxRecordSize + " bytes)",
              (int) room,
              index);
        }
        if (fill()) {
          continue;
        }
        errorKind = TRUNCATED;
        throw endOfDataError(in.outOfInput, index);
      } catch (CloudTrailParseException e) {
        errorKind = MALFORMED;
        throw relocate(e, start, index);
      }
    }
  }

  /**
   * Reads more bytes after {@link #limit}, first moving [mark, limit) to the front of a full
   * window, or growing it; false at the end of the data (or of its good part).
   */
  private boolean fill() {
    if (eof) {
      return false;
    }
    if (limit == window.length) {
      if (mark > 0) {
        int keep = mark;
        countLinesTo(keep);
        System.arraycopy(window, keep, window, 0, limit - keep);
        base += keep;
        limit -= keep;
        pos -= keep;
        mark = 0;
        lineIndex -= keep;
      }
      if (limit == window.length) {
        if (window.length >= maxWindow) {
          throw new IllegalStateException("window full at " + window.length + " bytes");
        }
        window = Arrays.copyOf(window, (int) Math.min(window.length * 2L, maxWindow));
        input = new JsonInput.OfArray(window);
      }
    }
    ByteSource s = java.util.Objects.requireNonNull(source);
    int n;
    try {
      n = s.read(window, limit, window.length - limit);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ByteSource.Malformed e) {
      failure = e.getMessage();
      eof = true;
      return false;
    }
    if (n < 0) {
      eof = true;
      return false;
    }
    limit += n;
    return true;
  }

  /**
   * Skips whitespace from {@link #pos}; returns the byte there (pos = mark = it), -1 at the end.
   */
  private int skipWhitespace() {
    for (; ; ) {
      byte[] w = window;
      int p = pos;
      int n = limit;
      while (p < n) {
        byte b = w[p];
        if (!isWhitespace(b)) {
          pos = p;
          mark = p;
          return b & 0xFF;
        }
        p++;
      }
      pos = p;
      mark = p;
      if (!fill()) {
        return -1;
      }
    }
  }

  private static boolean isWhitespace(byte b) {
    return b == ' ' || b == '\n' || b == '\r' || b == '\t';
  }

  /** Moves {@link #pos} just past the next newline, or to the end of the data. */
  private void skipLine() {
    for (; ; ) {
      byte[] w = window;
      for (int p = pos; p < limit; p++) {
        if (w[p] == '\n') {
          pos = p + 1;
          mark = pos;
          return;
        }
      }
      pos = limit;
      mark = pos;
      if (!fill()) {
        return;
      }
    }
  }

  /**
   * Skips the value that starts at {@link #pos} by counting brackets outside strings, without
   * keeping its bytes: {@link #ENDED} with pos just past it; {@link #BROKEN} with pos at the start
   * of the next line when a newline shows that the value was cut off there; {@link #AT_END}.
   */
  private int skipValue() {
    int depth = 0;
    boolean inString = false;
    boolean escaped = false;
    boolean started = false;
    int last = 0;
    crossedNewline = false;
    for (; ; ) {
      byte[] w = window;
      while (pos < limit) {
        int b = w[pos] & 0xFF;
        if (inString) {
          pos++;
          if (escaped) {
            escaped = false;
          } else if (b == '\\') {
            escaped = true;
          } else if (b == '"') {
            inString = false;
            last = '"';
            if (depth == 0) {
              return ENDED;
            }
          } else if (b == '\n') {
            mark = pos;
            return BROKEN;
          }
          continue;
        }
        if (depth == 0 && started && (b == ',' || b == ']' || b == '}' || b <= ' ')) {
          return ENDED;
        }
        switch (b) {
          case '"' -> inString = true;
          case '{', '[' -> depth++;
          case '}', ']' -> {
            if (--depth <= 0) {
              pos++;
              return ENDED;
            }
          }
          case '\n' -> {
            if (depth > 0) {
              crossedNewline = true;
              if (!isValueEnd(last)) {
                pos++;
                continue;
              }
              if (nextLineOpensObject()) {
                return BROKEN;
              }
              w = window;
              continue;
            }
          }
          default -> {}
        }
        if (!isWhitespace((byte) b)) {
          last = b;
        }
        started = true;
        pos++;
      }
      mark = pos;
      if (!fill()) {
        return AT_END;
      }
    }
  }

  private static boolean isValueEnd(int b) {
    return b == '}' || b == ']' || b == '"' || (b >= '0' && b <= '9') || b == 'e' || b == 'l';
  }

  /**
   * At a newline inside a value that looks complete: skips it and the whitespace after it, and
   * returns true if a `{` follows (pos then at it), which no valid JSON allows there.
   */
  private boolean nextLineOpensObject() {
    pos++;
    for (; ; ) {
      while (pos < limit) {
        byte b = window[pos];
        if (!isWhitespace(b)) {
          mark = pos;
          return b == '{';
        }
        pos++;
      }
      mark = pos;
      if (!fill()) {
        return false;
      }
    }
  }

  // ---- internal parsing: views -----------------------------------------------------------------

  private RecordView bind(JsonDocument d, int root, long index, long offset, int embeddedIn) {
    SourceFile file = sourceFile;
    if (file == null) {
      file = new SourceFile(fileName, path, java.util.Objects.requireNonNull(shape), compressed);
      sourceFile = file;
    }
    embeddedString = embeddedIn;
    generation++;
    view.bind(d, root, file, index, offset, generation);
    return view;
  }

  /** Returns the generation of the bound view; views check it under assertions. */
  long generation() {
    return generation;
  }

  /** Releases the bound view, if any, and counts the lines of its record. */
  private void release() {
    if (view.isBound()) {
      view.release();
      generation++;
    }
    if (pendingEnd >= 0) {
      applyLines(pendingEnd, pendingNewlines, pendingLineStart);
      pendingEnd = -1;
    }
  }

  /** Keeps the newlines of the value just parsed for when its view is released. */
  private void holdLines(int end) {
    pendingEnd = end;
    pendingNewlines = engine.newlines();
    pendingLineStart = engine.lastLineStart();
  }

  /** Moves the line count from the start of a value parsed whole to its end. */
  private void applyLines(int end, int newlines, int lastLineStartIndex) {
    if (lineIndex != mark) {
      countLinesTo(mark);
    }
    lineIndex = end;
    line = saturatedAdd(line, newlines);
    if (newlines > 0) {
      lineStart = base + lastLineStartIndex;
    }
  }

  // ---- error reporting -------------------------------------------------------------------------

  /** Counts an error; reports it in lenient mode, throws it (ending the read) in strict mode. */
  private void reject(CloudTrailParseException e) {
    rejected++;
    RecordErrorHandler handler = onError;
    if (handler == null) {
      close();
      throw e;
    }
    handler.error(e);
  }

  /** Reports the end of the data where {@code expected} was; ends the file. */
  private void endOfData(String expected, long index) {
    reject(endOfDataError(expected, index));
    state = END_FILE;
  }

  private CloudTrailParseException endOfDataError(String expected, long index) {
    String f = failure;
    if (f != null) {
      failureReported = true;
      return error(f, limit, index);
    }
    return error("unexpected end of input: " + expected, limit, index);
  }

  /** Returns an error of the current file at window index {@code at}. */
  private CloudTrailParseException error(String reason, int at, long index) {
    return error(reason, null, at, index, null);
  }

  private CloudTrailParseException error(
      String reason, @Nullable String field, int at, long index, @Nullable Throwable cause) {
    long location = locate(at);
    return new CloudTrailParseException(
        reason, field, fileName, index, base + at, (int) (location >>> 32), (int) location, cause);
  }

  /** Returns the engine's error {@code e} located in the file: its lines counted from start. */
  private CloudTrailParseException relocate(CloudTrailParseException e, int start, long index) {
    int at = (int) e.byteOffset();
    long location = locate(start);
    int startLine = (int) (location >>> 32);
    int lineNo = saturatedAdd(startLine, e.line() - 1);
    int column =
        e.line() == 1
            ? (int) Math.min(Integer.MAX_VALUE, (int) location + (long) (at - start))
            : e.column();
    return new CloudTrailParseException(
        e.reason(), null, fileName, index, base + at, lineNo, column, null);
  }

  /**
   * Returns an error that the bound view found at offset {@code at} of its document, located in the
   * file; {@code field} names the field at fault, if any.
   */
  CloudTrailParseException viewError(
      String reason, @Nullable String field, long at, @Nullable Throwable cause) {
    long offset = embeddedString >= 0 ? doc.inputOffsetOfDecoded(embeddedString, at) : at;
    return error(reason, field, (int) offset, view.recordIndex(), cause);
  }

  private static String describeByte(byte b) {
    int c = b & 0xFF;
    if (c >= 0x20 && c < 0x7F) {
      return "character `" + (char) c + "` (code " + c + ")";
    }
    if (c < 0x80) {
      return "control character (code " + c + ")";
    }
    return "byte 0x" + Character.forDigit(c >> 4, 16) + Character.forDigit(c & 0xF, 16);
  }

  private String describe(int at) {
    if (at + 2 < limit
        && (window[at] & 0xFF) == 0xEF
        && (window[at + 1] & 0xFF) == 0xBB
        && (window[at + 2] & 0xFF) == 0xBF) {
      return "byte order mark (U+FEFF)";
    }
    if (at + 1 < limit && (window[at] & 0xFF) == 0x1f && (window[at + 1] & 0xFF) == 0x8b) {
      return "gzip data inside gzip data";
    }
    return describeByte(window[at]);
  }

  /** Names the kind of value {@code v} of {@code d} for a message: "an array", "the number `5`". */
  static String kindName(JsonDocument d, int v) {
    return switch (d.kind(v)) {
      case OBJECT -> "an object";
      case ARRAY -> "an array";
      case STRING -> "the string `" + JsonDocument.excerpt(d.decodeString(v)) + "`";
      case NUMBER -> "the number `" + JsonDocument.excerpt(d.numberText(v)) + "`";
      case BOOLEAN -> "`" + d.booleanValue(v) + "`";
      case NULL -> "`null`";
    };
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  // ---- location --------------------------------------------------------------------------------

  /**
   * Counts lines from {@link #lineIndex} up to window index {@code to}; newlines are {@code \n},
   * {@code \r\n} and a lone {@code \r}, as the engine counts them.
   */
  private void countLinesTo(int to) {
    byte[] w = window;
    int l = line;
    long ls = lineStart;
    long cr = lastCr;
    for (int i = lineIndex; i < to; i++) {
      byte b = w[i];
      if (b == '\n') {
        long o = base + i;
        if (cr != o - 1) {
          l = saturatedAdd(l, 1);
        }
        ls = o + 1;
      } else if (b == '\r') {
        l = saturatedAdd(l, 1);
        cr = base + i;
        ls = cr + 1;
      }
    }
    if (to > lineIndex) {
      lineIndex = to;
      line = l;
      lineStart = ls;
      lastCr = cr;
    }
  }

  /**
   * Returns the line (high 32 bits) and column (low 32 bits) of window index {@code at}, counting
   * lines up to it first (the running count only moves forward, so this costs nothing when it
   * already got there).
   */
  private long locate(int at) {
    countLinesTo(Math.min(at, limit));
    long column = Math.max(1, Math.min(Integer.MAX_VALUE, base + at - lineStart + 1));
    return ((long) line << 32) | column;
  }

  private static int saturatedAdd(int a, int b) {
    long s = (long) a + b;
    return (int) Math.min(Integer.MAX_VALUE, s);
  }
}
