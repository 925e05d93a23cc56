package dev.enclavetrail.parser;

import static dev.enclavetrail.parser.TestData.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.enclavetrail.core.CloudTrailFormatException;
import dev.enclavetrail.core.jackson.CloudTrailJackson;
import dev.enclavetrail.core.json.JsonValue;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * No input makes the engine crash, hang, run out of memory or overflow the stack: whatever the
 * bytes, it returns a document or throws {@link CloudTrailParseException} at an offset within the
 * document. Random inputs come from seeded {@link SplittableRandom}s; the seed is in the test name
 * and in every failure message.
 */
class JsonEngineRobustnessTest {

  private static final byte[] ALPHABET =
      utf8("{}[],:\"\\ \n0123456789-+.eEtrufalsn/bu\u00e9\u2603");
  private static final List<byte[]> RECORDS =
      TestData.jsonFiles(TestData.dir().resolve("kms-doc-examples")).stream()
          .map(TestData::read)
          .toList();
  private static final CloudTrailJackson JACKSON = CloudTrailJackson.create();

  private final JsonEngine engine = JsonEngine.create();

  static LongStream seeds() {
    return LongStream.range(0, 16).map(i -> 0x5EED_0000L + i);
  }

  // ---- nesting ---------------------------------------------------------------------------------

  @Test
  void parse_100000OpenArrays_limitExceptionNotStackOverflow() {
    byte[] json = utf8("[".repeat(100_000));

    CloudTrailParseException e =
        catchThrowableOfType(CloudTrailParseException.class, () -> engine.parse(json));

    assertThat(e)
        .hasMessage(
            "nesting depth 513 exceeds `maxNestingDepth` (512) at byte 512 (line 1, column 513)");
  }

  @Test
  void parse_100000NestedArraysUnderARaisedLimit_acceptedIteratively() {
    JsonEngine deep = new JsonEngine(JsonOptions.builder().maxNestingDepth(100_000).build());
    byte[] json = utf8("[".repeat(100_000) + "]".repeat(100_000));

    JsonDocument doc = deep.parse(json);

    assertThat(doc.endOffset(doc.root())).isEqualTo(json.length);
    assertThat(doc.toJsonValue()).isInstanceOf(dev.enclavetrail.core.json.JsonArray.class);
    assertThat(
            catchThrowableOfType(
                CloudTrailParseException.class, () -> deep.parse(utf8("[".repeat(100_000)))))
        .hasMessage(
            "unexpected end of input: expected a value or `]` at byte 100000 (line 1, column 100001)");
  }

  @Test
  void parse_100000NestedObjects_limitExceptionNotStackOverflow() {
    byte[] json = utf8("{\"a\":".repeat(100_000));

    assertThat(
            catchThrowableOfType(CloudTrailParseException.class, () -> engine.parse(json)).reason())
        .isEqualTo("nesting depth 513 exceeds `maxNestingDepth` (512)");
  }

  // ---- size ------------------------------------------------------------------------------------

  @Test
  void parse_8MiBStringWithSmallLimit_rejectedWhereTheLimitIsPassed() {
    byte[] json = new byte[8 << 20];
    Arrays.fill(json, (byte) 'a');
    json[0] = '[';
    json[1] = '"';
    json[json.length - 2] = '"';
    json[json.length - 1] = ']';
    JsonEngine small = new JsonEngine(JsonOptions.builder().maxStringLength(1 << 20).build());

    CloudTrailParseException e =
        catchThrowableOfType(CloudTrailParseException.class, () -> small.parse(json));

    assertThat(e.reason()).isEqualTo("string length exceeds `maxStringLength` (1048576 bytes)");
    assertThat(e.byteOffset()).isEqualTo(2 + (1 << 20));
    assertThat(engine.parse(json).decodeString(3)).hasSize(json.length - 4);
  }

  @Test
  void parse_600MBMemoryMappedFile_rejectedBySizeWithoutReadingIt(@TempDir Path dir)
      throws IOException {
    Path file = dir.resolve("huge.json");
    long size = 600_000_000L;
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.setLength(size); // sparse: no data is written, nothing is read
      raf.write(utf8("[\""));
    }
    try (FileChannel channel = FileChannel.open(file)) {
      ByteBuffer mapped = channel.map(FileChannel.MapMode.READ_ONLY, 0, size);
      JsonEngine largest =
          new JsonEngine(
              JsonOptions.builder()
                  .maxDocumentSize(JsonOptions.MAX_DOCUMENT_SIZE_LIMIT)
                  .maxStringLength(Integer.MAX_VALUE)
                  .build());

      assertThat(catchThrowableOfType(CloudTrailParseException.class, () -> engine.parse(mapped)))
          .hasMessageStartingWith(
              "document size 600000000 bytes exceeds `maxDocumentSize` (67108864 bytes) at byte 67108864");
      // The first 500 MB of it, under the largest limits: a 500 MB string that stops at its first
      // (zero) byte.
      assertThat(
              catchThrowableOfType(
                  CloudTrailParseException.class, () -> largest.parse(mapped, 0, 500_000_000)))
          .hasMessage(
              "unescaped control character (code 0) in a string at byte 2 (line 1, column 3)");
    }
  }

  // ---- random and mutated input ----------------------------------------------------------------

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void parse_randomBytes_documentOrParseException(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    for (int n = 0; n < 300; n++) {
      byte[] json = new byte[random.nextInt(64)];
      for (int i = 0; i < json.length; i++) {
        json[i] = (byte) random.nextInt(256);
      }
      check(json, seed);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void parse_randomJsonAlphabet_documentOrParseException(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    for (int n = 0; n < 1000; n++) {
      byte[] json = new byte[random.nextInt(24)];
      for (int i = 0; i < json.length; i++) {
        json[i] = ALPHABET[random.nextInt(ALPHABET.length)];
      }
      check(json, seed);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void parse_mutatedRecords_documentOrParseException(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    for (int n = 0; n < 100; n++) {
      byte[] json = RECORDS.get(random.nextInt(RECORDS.size())).clone();
      for (int m = random.nextInt(1, 4); m > 0; m--) {
        json[random.nextInt(json.length)] =
            random.nextBoolean()
                ? ALPHABET[random.nextInt(ALPHABET.length)]
                : (byte) random.nextInt(256);
      }
      check(json, seed);
    }
  }

  /**
   * Parses {@code json} alone and as a slice of a larger buffer with junk around it; both must give
   * the same verdict, at the same offset relative to the document; an accepted document must
   * materialise as core's Jackson reader reads it.
   */
  private void check(byte[] json, long seed) {
    String input = "seed " + seed + ", input " + Arrays.toString(json);
    Throwable alone = catchThrowable(() -> engine.parse(json).toJsonValue());
    byte[] padded = new byte[json.length + 16];
    Arrays.fill(padded, (byte) '"');
    System.arraycopy(json, 0, padded, 7, json.length);
    Throwable slice = catchThrowable(() -> engine.parse(padded, 7, 7 + json.length).toJsonValue());

    if (alone == null) {
      assertThat(slice).as(input).isNull();
      JsonValue value = engine.parse(json).toJsonValue();
      assertThat(value).as(input).isEqualTo(JACKSON.readValue(json));
      return;
    }
    assertThat(alone).as(input).isInstanceOf(CloudTrailParseException.class);
    assertThat(slice).as(input).isInstanceOf(CloudTrailParseException.class);
    CloudTrailParseException a = (CloudTrailParseException) alone;
    CloudTrailParseException s = (CloudTrailParseException) slice;
    assertThat(a.byteOffset()).as(input).isBetween(0L, (long) json.length);
    assertThat(s.byteOffset() - 7).as(input).isEqualTo(a.byteOffset());
    assertThat(s.reason()).as(input).isEqualTo(a.reason());
    assertThat(a.line()).as(input).isPositive();
    assertThat(a.column()).as(input).isPositive();
    assertThat(a.getMessage()).as(input).doesNotContain("\n").hasSizeLessThan(200);
    if (!a.reason().startsWith("duplicate member name")) {
      // What the engine rejects, Jackson must not read differently: it rejects it too, or (for
      // the UTF-8 it checks less strictly, or numbers out of range) it is not a valid value.
      Throwable jackson = catchThrowable(() -> JACKSON.readValue(json));
      if (jackson == null) {
        assertThat(a.reason()).as(input).containsAnyOf("UTF-8", "out of range", "byte order mark");
      } else {
        assertThat(jackson).as(input).isInstanceOf(CloudTrailFormatException.class);
      }
    }
  }

  // ---- UTF-8 -----------------------------------------------------------------------------------

  @Test
  void parse_everyTwoByteSequence_acceptedExactlyWhenTheJdkDecodesIt() {
    for (int b0 = 0x80; b0 < 0x100; b0++) {
      for (int b1 = 0; b1 < 0x100; b1++) {
        checkUtf8(new byte[] {(byte) b0, (byte) b1});
      }
    }
  }

  @Test
  void parse_threeAndFourByteSequences_acceptedExactlyWhenTheJdkDecodesIt() {
    int[] tails = {0x00, 0x22, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xFF};
    for (int b0 = 0xE0; b0 < 0x100; b0++) {
      for (int b1 = 0; b1 < 0x100; b1++) {
        for (int b2 : tails) {
          checkUtf8(new byte[] {(byte) b0, (byte) b1, (byte) b2});
          for (int b3 : new int[] {0x22, 0x80, 0xBF, 0xC0}) {
            if (b0 >= 0xF0) {
              checkUtf8(new byte[] {(byte) b0, (byte) b1, (byte) b2, (byte) b3});
            }
          }
        }
      }
    }
  }

  /**
   * The engine accepts {@code ["<bytes>"]} iff {@code bytes} is UTF-8 text a string may hold raw.
   */
  private void checkUtf8(byte[] bytes) {
    byte[] json = new byte[bytes.length + 4];
    json[0] = '[';
    json[1] = '"';
    System.arraycopy(bytes, 0, json, 2, bytes.length);
    json[json.length - 2] = '"';
    json[json.length - 1] = ']';
    boolean valid;
    try {
      CharBuffer text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes));
      valid = text.chars().allMatch(c -> c >= 0x20 && c != '"' && c != '\\');
    } catch (CharacterCodingException e) {
      valid = false;
    }

    Throwable thrown = catchThrowable(() -> engine.parse(json));

    if (valid) {
      assertThat(thrown).as(Arrays.toString(bytes)).isNull();
      assertThat(engine.parse(json).decodeString(3))
          .isEqualTo(new String(bytes, StandardCharsets.UTF_8));
    } else {
      assertThat(thrown).as(Arrays.toString(bytes)).isInstanceOf(CloudTrailParseException.class);
    }
  }
}
