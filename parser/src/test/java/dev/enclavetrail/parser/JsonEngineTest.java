package dev.enclavetrail.parser;

import static dev.enclavetrail.parser.TestData.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.enclavetrail.core.CloudTrailFormatException;
import dev.enclavetrail.core.json.JsonArray;
import dev.enclavetrail.core.json.JsonObject;
import dev.enclavetrail.core.json.JsonValue;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Stage 1: what the structural pass accepts, what it records, and how it reports errors. */
class JsonEngineTest {

  private final JsonEngine engine = JsonEngine.create();

  private static CloudTrailParseException reject(JsonEngine engine, byte[] json) {
    return catchThrowableOfType(CloudTrailParseException.class, () -> engine.parse(json));
  }

  // ---- exact errors ----------------------------------------------------------------------------

  static Stream<Arguments> errorCases() {
    return TestData.caseLines("/engine-errors.txt").stream()
        .map(
            line -> {
              String[] f = line.split("\t", -1);
              String[] lc = f[2].split(":", -1);
              return Arguments.of(
                  f[0],
                  Long.parseLong(f[1]),
                  Integer.parseInt(lc[0]),
                  Integer.parseInt(lc[1]),
                  f[3]);
            });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("errorCases")
  void parse_malformedInput_rejectedWithExactReasonAndLocation(
      String input, long offset, int line, int column, String reason) {
    CloudTrailParseException e = reject(engine, TestData.unescape(input));

    assertThat(e).as("input %s", input).isNotNull();
    assertThat(e.reason()).isEqualTo(reason);
    assertThat(e.byteOffset()).isEqualTo(offset);
    assertThat(e.line()).isEqualTo(line);
    assertThat(e.column()).isEqualTo(column);
    assertThat(e.getMessage())
        .isEqualTo(reason + " at byte " + offset + " (line " + line + ", column " + column + ")");
  }

  @Test
  void parseException_isTheCoreFormatExceptionWithoutField() {
    CloudTrailParseException e = reject(engine, utf8("{\"eventName\": }"));

    assertThat(e)
        .isInstanceOf(CloudTrailFormatException.class)
        .hasMessage(
            "unexpected character `}` (code 125): expected a value at byte 14 (line 1, column 15)");
    assertThat(e.field()).isEmpty();
  }

  @Test
  void parse_errorInLongString_echoesNoInput() {
    byte[] json = utf8("[\"" + "secret ".repeat(100) + "\u0001\"]");

    CloudTrailParseException e = reject(engine, json);

    assertThat(e.getMessage())
        .isEqualTo(
            "unescaped control character (code 1) in a string at byte 702 (line 1, column 703)")
        .doesNotContain("secret");
  }

  // ---- limits ----------------------------------------------------------------------------------

  @Test
  void parse_defaultNestingLimit_rejectsDepth513AtItsBracket() {
    byte[] json = utf8("[".repeat(513) + "]".repeat(513));

    CloudTrailParseException e = reject(engine, json);

    assertThat(e)
        .hasMessage(
            "nesting depth 513 exceeds `maxNestingDepth` (512) at byte 512 (line 1, column 513)");
    assertThat(engine.parse(utf8("[".repeat(512) + "]".repeat(512))).size(0)).isEqualTo(1);
  }

  @Test
  void parse_objectsDeeperThanLimit_rejectedNamingTheOption() {
    JsonEngine shallow = new JsonEngine(JsonOptions.builder().maxNestingDepth(2).build());

    assertThat(shallow.parse(utf8("{\"a\":[1]}")).size(0)).isEqualTo(1);
    assertThat(reject(shallow, utf8("{\"a\":{\"b\":{}}}")))
        .hasMessage("nesting depth 3 exceeds `maxNestingDepth` (2) at byte 10 (line 1, column 11)");
  }

  @Test
  void parse_stringLongerThanLimit_rejectedWhereItExceeds() {
    JsonEngine small = new JsonEngine(JsonOptions.builder().maxStringLength(4).build());

    assertThat(small.parse(utf8("[\"abcd\"]")).decodeString(3)).isEqualTo("abcd");
    assertThat(small.parse(utf8("[\"a\\nc\"]")).decodeString(3)).isEqualTo("a\nc");
    assertThat(reject(small, utf8("[\"abcde\"]")))
        .hasMessage(
            "string length exceeds `maxStringLength` (4 bytes) at byte 6 (line 1, column 7)");
    assertThat(reject(small, utf8("[\"abc\\n\"]")).reason())
        .isEqualTo("string length exceeds `maxStringLength` (4 bytes)");
    // Unterminated but longer than the limit: the limit is what is reported, without reading on.
    assertThat(reject(small, utf8("[\"abcdefgh")).byteOffset()).isEqualTo(6);
    assertThat(reject(small, utf8("{\"abcdefgh\":1}")).byteOffset()).isEqualTo(6);
  }

  @Test
  void parse_numberLongerThanLimit_rejectedNamingTheOption() {
    JsonEngine small = new JsonEngine(JsonOptions.builder().maxNumberLength(3).build());

    assertThat(small.parse(utf8("[-12]")).numberText(3)).isEqualTo("-12");
    assertThat(reject(small, utf8("[1234]")))
        .hasMessage("number length 4 exceeds `maxNumberLength` (3) at byte 4 (line 1, column 5)");
  }

  @Test
  void parse_documentLargerThanLimit_rejectedBeforeScanning() {
    JsonEngine small = new JsonEngine(JsonOptions.builder().maxDocumentSize(4).build());

    assertThat(small.parse(utf8("[12]")).size(0)).isEqualTo(1);
    assertThat(reject(small, utf8("[1,2]")))
        .hasMessage(
            "document size 5 bytes exceeds `maxDocumentSize` (4 bytes) at byte 4 (line 1, column 5)");
    // Nothing is scanned: the malformed byte after the limit is not reported.
    assertThat(reject(small, utf8("[1,2,}")).reason()).startsWith("document size 6 bytes");
  }

  @Test
  void options_outOfRange_rejected() {
    assertThatThrownBy(() -> JsonOptions.builder().maxNestingDepth(0).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("`maxNestingDepth` out of range: 0");
    assertThatThrownBy(() -> JsonOptions.builder().maxDocumentSize(600 << 20).build())
        .hasMessage("`maxDocumentSize` out of range: 629145600");
    assertThatThrownBy(() -> JsonOptions.builder().maxStringLength(-1).build())
        .hasMessageContaining("maxStringLength");
    assertThatThrownBy(() -> JsonOptions.builder().maxNumberLength(0).build())
        .hasMessageContaining("maxNumberLength");
    assertThat(JsonOptions.defaults())
        .isEqualTo(new JsonOptions(512, 16 << 20, 1000, 64 << 20, false))
        .isEqualTo(JsonOptions.defaults().toBuilder().build());
  }

  // ---- tape ------------------------------------------------------------------------------------

  @Test
  void parse_record_tapeRecordsKindsOffsetsAndSkips() {
    //                   0123456789012345678901234567890123456789
    byte[] json = utf8(" {\"a\": [1, \"x\", {}], \"b\\u0062\": null} ");
    JsonDocument doc = engine.parse(json);

    int root = doc.root();
    assertThat(doc.kind(root)).isEqualTo(JsonValue.Kind.OBJECT);
    assertThat(doc.byteOffset(root)).isEqualTo(1);
    assertThat(doc.endOffset(root)).isEqualTo(json.length - 1);
    assertThat(doc.size(root)).isEqualTo(2);
    int a = doc.member(root, utf8("a"));
    assertThat(doc.kind(a)).isEqualTo(JsonValue.Kind.ARRAY);
    assertThat(doc.byteOffset(a)).isEqualTo(7);
    assertThat(doc.endOffset(a)).isEqualTo(19);
    int one = doc.firstElement(a);
    int x = doc.nextElement(one);
    int empty = doc.nextElement(x);
    assertThat(doc.nextElement(empty)).isEqualTo(-1);
    assertThat(doc.endOffset(one)).isEqualTo(9);
    assertThat(doc.byteOffset(x)).isEqualTo(11);
    assertThat(doc.endOffset(x)).isEqualTo(14);
    assertThat(doc.size(empty)).isZero();
    int b = doc.nextMember(doc.firstMember(root));
    assertThat(doc.hasEscapes(b)).isTrue();
    assertThat(doc.memberName(b)).isEqualTo("bb");
    assertThat(doc.isNull(doc.memberValue(b))).isTrue();
    assertThat(doc.nextMember(b)).isEqualTo(-1);
  }

  @Test
  void parse_slice_offsetsAreAbsoluteInTheBuffer() {
    byte[] file = utf8("garbage\n{\"k\": [true, false]}\n{\"k\": }");

    JsonDocument doc = engine.parse(file, 8, 28);
    int k = doc.member(doc.root(), utf8("k"));
    assertThat(doc.byteOffset(doc.root())).isEqualTo(8);
    assertThat(doc.byteOffset(k)).isEqualTo(14);
    assertThat(doc.toJsonValue()).hasToString("{\"k\":[true,false]}");

    CloudTrailParseException e =
        catchThrowableOfType(CloudTrailParseException.class, () -> engine.parse(file, 28, 36));
    assertThat(e)
        .hasMessage(
            "unexpected character `}` (code 125): expected a value at byte 35 (line 3, column 7)");
    assertThatThrownBy(() -> engine.parse(file, 30, 40))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void parse_scalarsAtTopLevel_accepted() {
    assertThat(engine.parse(utf8(" 12 ")).longValue(0)).isEqualTo(12);
    assertThat(engine.parse(utf8("\"s\"")).decodeString(0)).isEqualTo("s");
    assertThat(engine.parse(utf8("true")).booleanValue(0)).isTrue();
    assertThat(engine.parse(utf8("false")).booleanValue(0)).isFalse();
    assertThat(engine.parse(utf8("null")).isNull(0)).isTrue();
  }

  @Test
  void parse_tapeGrowsForLargeDocuments() {
    String json = "[" + "{\"n\":1},".repeat(50_000) + "0]";

    JsonDocument doc = engine.parse(utf8(json));

    assertThat(doc.size(doc.root())).isEqualTo(50_001);
    assertThat(((JsonArray) doc.toJsonValue()).get(49_999))
        .isEqualTo(JsonObject.builder().put("n", 1).build());
  }

  // ---- SWAR -----------------------------------------------------------------------------------

  @Test
  void specialMask_flagsExactlyTheFirstByteThatNeedsAttention() {
    for (int b = 0; b < 256; b++) {
      boolean special = b == '"' || b == '\\' || b < 0x20 || b >= 0x80;
      for (int at = 0; at < 8; at++) {
        for (int second = at; second < 8; second++) {
          long word = 0x6161616161616161L; // "aaaaaaaa"
          word = (word & ~(0xFFL << (8 * at))) | ((long) b << (8 * at));
          if (second > at) {
            word = (word & ~(0xFFL << (8 * second))) | (0x22L << (8 * second));
          }
          long mask = JsonEngine.specialMask(word);
          int expected = special ? at : second > at ? second : 8;
          assertThat(mask == 0 ? 8 : Long.numberOfTrailingZeros(mask) >>> 3)
              .as("byte %d at %d, quote at %d", b, at, second)
              .isEqualTo(expected);
        }
      }
    }
  }

  @Test
  void specialMask_randomWordsOfEdgeBytes_lowestFlagIsTheFirstSpecialByte() {
    int[] edges = {
      0x00, 0x01, 0x1F, 0x20, 0x21, 0x22, 0x23, 0x5B, 0x5C, 0x5D, 0x61, 0x7E, 0x7F, 0x80, 0x81,
      0xA0, 0xA1, 0xA2, 0xDC, 0xDD, 0xFE, 0xFF
    };
    java.util.Random random = new java.util.Random(20261205);
    for (int n = 0; n < 1_000_000; n++) {
      long word = 0;
      int expected = 8;
      for (int k = 0; k < 8; k++) {
        int b = random.nextInt(4) == 0 ? random.nextInt(256) : edges[random.nextInt(edges.length)];
        word |= (long) b << (8 * k);
        if (expected == 8 && (b == '"' || b == '\\' || b < 0x20 || b >= 0x80)) {
          expected = k;
        }
      }
      long mask = JsonEngine.specialMask(word);
      assertThat(mask == 0 ? 8 : Long.numberOfTrailingZeros(mask) >>> 3)
          .as("word %016x", word)
          .isEqualTo(expected);
      if (mask != 0) {
        assertThat(Long.numberOfTrailingZeros(mask) & 7).isEqualTo(7); // a byte's high bit
      }
    }
  }

  // ---- byte buffers ----------------------------------------------------------------------------

  private static final String RECORD =
      "{\"eventName\":\"Decrypt\",\"n\":[1.50,-2e3],\"s\":\"caf\u00e9 \\u2603 \ud83d\ude00\"}";

  @Test
  void parse_heapDirectAndReadOnlyBuffers_sameAsArray() {
    byte[] bytes = utf8("  " + RECORD);
    JsonValue expected = JsonEngine.create().parse(bytes).toJsonValue();
    ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length).put(bytes).position(2);

    for (ByteBuffer buffer :
        new ByteBuffer[] {
          ByteBuffer.wrap(bytes).position(2), direct, direct.asReadOnlyBuffer().position(2)
        }) {
      JsonDocument doc = engine.parse(buffer);
      assertThat(doc.toJsonValue()).isEqualTo(expected);
      assertThat(doc.byteOffset(doc.root())).isEqualTo(2);
      assertThat(doc.stringEquals(doc.member(doc.root(), utf8("eventName")), utf8("Decrypt")))
          .isTrue();
      assertThat(buffer.position()).isEqualTo(2);
    }
  }

  @Test
  void parse_memoryMappedFile_readInPlace(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("records.json");
    Files.write(file, utf8("[" + RECORD + ",\n" + RECORD + ",\n{\"x\": 01}]"));

    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      MappedByteBuffer mapped = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
      CloudTrailParseException e =
          catchThrowableOfType(CloudTrailParseException.class, () -> engine.parse(mapped));
      int second = RECORD.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + 3;

      JsonDocument doc = engine.parse(mapped, second, second + utf8(RECORD).length);

      assertThat(e.reason())
          .isEqualTo("unexpected character `1` (code 49): leading zeros are not allowed");
      assertThat(e.line()).isEqualTo(3);
      assertThat(doc.toJsonValue()).isEqualTo(engine.parse(utf8(RECORD)).toJsonValue());
    }
  }

  // ---- life-cycle ------------------------------------------------------------------------------

  @Test
  void document_usedAfterNextParse_failsUnderAssertions() {
    JsonDocument first = engine.parse(utf8("[1]"));
    engine.parse(utf8("[2]"));

    assertThat(first.live()).isFalse();
    assertThatThrownBy(first::root).isInstanceOf(AssertionError.class);
  }

  @Test
  void engine_afterError_parsesTheNextDocument() {
    assertThat(reject(engine, utf8("[1,"))).isNotNull();

    assertThat(engine.parse(utf8("[1,2]")).toJsonValue()).hasToString("[1,2]");
  }
}
