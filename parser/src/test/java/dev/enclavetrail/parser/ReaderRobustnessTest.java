package dev.enclavetrail.parser;

import static dev.enclavetrail.parser.TestData.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * No input makes the reader crash, hang, run out of memory or overflow the stack: every problem is
 * a {@link CloudTrailParseException}, and the counts always add up.
 */
class ReaderRobustnessTest {

  private static final String R0 =
      "{\"eventSource\":\"kms.amazonaws.com\",\"eventName\":\"Decrypt\",\"additionalEventData\":"
          + "{\"recipient\":{\"attestationDocumentModuleId\":\"i-0123456789abcdef0-enc0123456789abcdef\"}}}";
  private static final String R1 =
      "{\"eventSource\":\"s3.amazonaws.com\",\"eventName\":\"GetObject\",\"n\":[1.5e3,-0,true,null]}";

  /** Reads leniently, touching every accessor of every record, and checks the counts. */
  private static Reads readEverything(byte[] input, CloudTrailReader.Builder builder) {
    Reads r = Reads.of(input, "input", builder);
    assertThat(r.summary.seen()).isEqualTo(r.summary.delivered() + r.summary.rejected());
    assertThat(r.errors).hasSize((int) r.summary.rejected());
    for (CloudTrailParseException e : r.errors) {
      assertThat(e.getMessage()).doesNotContain("\n", "\r");
      assertThat(e.byteOffset()).isNotNegative();
      assertThat(e.line()).isPositive();
      assertThat(e.column()).isPositive();
      assertThat(e.file()).contains("input");
    }
    CloudTrailParseException strict = null;
    long strictDelivered;
    int[] n = {0};
    try {
      builder.strict().build().read(new ByteArrayInputStream(input), "input", v -> touch(v, n));
    } catch (CloudTrailParseException e) {
      strict = e;
    }
    strictDelivered = n[0];
    if (r.errors.isEmpty()) {
      assertThat(strict).isNull();
      assertThat(strictDelivered).isEqualTo(r.summary.delivered());
    } else {
      assertThat(strict).isNotNull().hasMessage(r.errors.get(0).getMessage());
    }
    return r;
  }

  private static void touch(RecordView v, int[] n) {
    n[0]++;
    v.isKms();
    v.hasRecipient();
    v.eventNameIs(utf8("Decrypt"));
    for (Runnable a :
        List.<Runnable>of(
            v::eventSource,
            v::eventName,
            v::eventId,
            v::eventTime,
            v::awsRegion,
            v::principalArn,
            v::accountId,
            v::keyId,
            v::recipientAccountId,
            v::recipient,
            v::toRecord)) {
      try {
        a.run();
      } catch (CloudTrailParseException e) {
        assertThat(e.getMessage()).doesNotContain("\n");
      }
    }
    try {
      v.writeJson(new ByteArrayOutputStream());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void hundredThousandNestedArraysInARecord_rejectedByDepth() {
    String deep = "{\"a\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
    byte[] input = utf8("{\"Records\":[" + R0 + "," + deep + "," + R1 + "]}");

    Reads r = readEverything(input, CloudTrailReader.builder());

    assertThat(r.records).containsExactly(R0, R1);
    assertThat(r.errors.get(0).reason())
        .isEqualTo("nesting depth 513 exceeds `maxNestingDepth` (512)");
  }

  @Test
  void hundredThousandNestedArraysAllowed_materialisedWithoutStackOverflow() {
    String deep = "{\"a\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
    byte[] input = utf8(R0 + "\n" + deep + "\n" + R1 + "\n");

    Reads r = readEverything(input, CloudTrailReader.builder().maxNestingDepth(200_000));

    assertThat(r.records).containsExactly(R0, deep, R1);
  }

  @Test
  void hundredThousandOpeningArraysUnclosed_oneError() {
    byte[] input = utf8(R0 + "\n{\"a\":" + "[".repeat(100_000) + "\n" + R1);

    Reads r = readEverything(input, CloudTrailReader.builder().maxNestingDepth(200_000));

    assertThat(r.records).containsExactly(R0, R1);
    assertThat(r.summary.rejected()).isEqualTo(1);
  }

  @Test
  void jsonTestSuiteDeepestFile_rejected() {
    byte[] input =
        TestData.read(
            TestData.resourceDir(
                "/json-test-suite/test_parsing/n_structure_100000_opening_arrays.json"));

    Reads r = readEverything(input, CloudTrailReader.builder());

    assertThat(r.summary.delivered()).isZero();
    assertThat(r.summary.rejected()).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void randomBytes_onlyParseExceptions(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    byte[] input = new byte[256 * 1024];
    random.nextBytes(input);
    if (seed % 2 == 0) {
      input[0] = '{';
    }

    readEverything(input, CloudTrailReader.builder());
    readEverything(Reads.gzip(input), CloudTrailReader.builder());
  }

  @Test
  void randomJsonishBytes_onlyParseExceptions() {
    SplittableRandom random = new SplittableRandom(9);
    byte[] alphabet = utf8("{}[]\":,\\ \n\r\t0123456789.eE-+truefalsnl\u00e9\u20ac\ud83d\ude00");
    for (int round = 0; round < 300; round++) {
      byte[] input = new byte[random.nextInt(1, 600)];
      for (int i = 0; i < input.length; i++) {
        input[i] = alphabet[random.nextInt(alphabet.length)];
      }
      input[0] = '{';
      readEverything(input, CloudTrailReader.builder().maxRecordSize(100).maxNestingDepth(8));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"c0 80", "ed a0 80", "f4 90 80 80", "ff", "e2 82", "80"})
  void invalidUtf8InARecord_rejectedAndTheNextRecordRead(String hex) {
    byte[] bad = java.util.HexFormat.ofDelimiter(" ").parseHex(hex);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(utf8("{\"Records\":[" + R0 + ",{\"eventName\":\"x"));
    out.writeBytes(bad);
    out.writeBytes(utf8("y\"}," + R1 + "]}"));

    Reads r = readEverything(out.toByteArray(), CloudTrailReader.builder());

    assertThat(r.records).containsExactly(R0, R1);
    assertThat(r.errors)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.reason()).startsWith("invalid UTF-8");
              assertThat(e.recordIndex()).isEqualTo(1);
            });
  }

  @Test
  void invalidUtf8OutsideStrings_rejected() {
    Reads r = readEverything(utf8(R0 + "\n{\"a\":\u00e9}\n" + R1), CloudTrailReader.builder());

    assertThat(r.records).containsExactly(R0, R1);
    assertThat(r.errors.get(0).reason()).isEqualTo("unexpected byte 0xc3: expected a value");
  }

  /** A stream of one huge string, made as it is read. */
  private static InputStream hugeString(long length) {
    return new InputStream() {
      private long left = length;

      @Override
      public int read() {
        return left-- > 0 ? 'x' : -1;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (left <= 0) {
          return -1;
        }
        int n = (int) Math.min(len, left);
        Arrays.fill(b, off, off + n, (byte) 'x');
        left -= n;
        return n;
      }
    };
  }

  private static Reads readStream(InputStream in, CloudTrailReader.Builder builder) {
    Reads r = new Reads();
    List<String> records = r.records;
    r.summary =
        builder
            .lenient(r.errors::add)
            .build()
            .read(in, "huge", v -> records.add(v.eventName().orElse("?")));
    return r;
  }

  @Test
  @Timeout(60)
  void fiveHundredMegabyteString_rejectedByRecordSizeThenTheNextLineRead() {
    InputStream in =
        new SequenceInputStream(
            java.util.Collections.enumeration(
                List.of(
                    new ByteArrayInputStream(utf8(R0 + "\n{\"eventName\":\"")),
                    hugeString(500L << 20),
                    new ByteArrayInputStream(utf8("\"}\n" + R1 + "\n")))));

    Reads r = readStream(in, CloudTrailReader.builder());

    assertThat(r.records).containsExactly("Decrypt", "GetObject");
    assertThat(r.errors)
        .singleElement()
        .extracting(CloudTrailParseException::reason)
        .isEqualTo("record size exceeds `maxRecordSize` (16777216 bytes)");
  }

  @Test
  @Timeout(60)
  void hugeStringInALogFile_rejectedByStringLengthThenTheNextRecordRead() {
    InputStream in =
        new SequenceInputStream(
            java.util.Collections.enumeration(
                List.of(
                    new ByteArrayInputStream(utf8("{\"Records\":[" + R0 + ",{\"eventName\":\"")),
                    hugeString(100L << 20),
                    new ByteArrayInputStream(utf8("\"}," + R1 + "]}")))));

    Reads r = readStream(in, CloudTrailReader.builder().maxStringLength(1 << 20));

    assertThat(r.records).containsExactly("Decrypt", "GetObject");
    assertThat(r.errors)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.reason())
                  .isEqualTo("string length exceeds `maxStringLength` (1048576 bytes)");
              assertThat(e.byteOffset()).isEqualTo(12 + R0.length() + 15 + (1 << 20));
            });
  }

  @Test
  void truncatedAtEveryByte_completeRecordsThenOneError() {
    String file = "{\"Records\":[\n" + R0 + ",\n" + R1 + ",\n" + R0 + "\n]}";
    byte[] bytes = utf8(file);
    for (int cut = 0; cut < bytes.length; cut++) {
      Reads r = readEverything(Arrays.copyOf(bytes, cut), CloudTrailReader.builder());

      assertThat(r.summary.rejected()).as("cut at %d", cut).isEqualTo(cut == 0 ? 0 : 1);
      assertThat(r.records).isEqualTo(List.of(R0, R1, R0).subList(0, r.records.size()));
    }
  }

  @Test
  void gzipTruncatedAtEveryByte_completeRecordsThenOneError() {
    byte[] gz = Reads.gzip(utf8((R0 + "\n" + R1 + "\n").repeat(20)));
    for (int cut = 1; cut < gz.length; cut++) {
      Reads r = readEverything(Arrays.copyOf(gz, cut), CloudTrailReader.builder());

      assertThat(r.summary.rejected()).as("cut at %d", cut).isEqualTo(1);
      for (int i = 0; i < r.records.size(); i++) {
        assertThat(r.records.get(i)).isEqualTo(i % 2 == 0 ? R0 : R1);
      }
    }
  }

  @Test
  void everyByteChanged_onlyParseExceptions() {
    byte[] bytes = utf8("{\"Records\":[" + R0 + "," + R1 + "]}");
    byte[] changes = {'}', ']', '"', '\\', ':', '\n', (byte) 0xC3};
    for (int i = 0; i < bytes.length; i++) {
      for (byte c : changes) {
        byte[] copy = bytes.clone();
        copy[i] = c;
        readEverything(copy, CloudTrailReader.builder());
      }
    }
  }
}
