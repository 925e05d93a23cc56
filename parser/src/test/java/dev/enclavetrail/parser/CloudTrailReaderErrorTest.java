package dev.enclavetrail.parser;

import static dev.enclavetrail.parser.TestData.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.enclavetrail.core.json.JsonString;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Strict and lenient reading of damaged input: what is delivered, what is reported (exact messages
 * with file, record index, byte offset, line and column), and that seen = delivered + rejected.
 */
class CloudTrailReaderErrorTest {

  private static final String R0 =
      "{\"eventVersion\":\"1.08\",\"eventSource\":\"kms.amazonaws.com\",\"eventName\":\"Decrypt\"}";
  private static final String R1 =
      "{\"eventVersion\":\"1.08\",\"eventSource\":\"s3.amazonaws.com\",\"eventName\":\"GetObject\"}";
  private static final String R2 =
      "{\"eventVersion\":\"1.08\",\"eventSource\":\"sts.amazonaws.com\",\"eventName\":\"AssumeRole\"}";
  private static final String BAD = "{\"eventVersion\":\"1.08\",\"eventName\": tru}";

  private static void assertCounts(Reads r, long delivered, long rejected) {
    assertThat(r.summary.delivered()).isEqualTo(delivered);
    assertThat(r.summary.rejected()).isEqualTo(rejected);
    assertThat(r.summary.seen()).isEqualTo(delivered + rejected);
    assertThat(r.errors).hasSize((int) rejected);
  }

  // ---- a bad record among good ones ------------------------------------------------------------

  @Test
  void logFile_badRecordInTheMiddle_lenientDeliversTheOthers() {
    String file = "{\"Records\":[" + R0 + "," + BAD + "," + R2 + "]}";

    Reads r = Reads.of(file, "a.json");

    assertThat(r.records).containsExactly(R0, R2);
    assertThat(r.indices).containsExactly(0L, 2L);
    assertCounts(r, 2, 1);
    int at = file.indexOf("tru}") + 3;
    assertThat(r.messages())
        .containsExactly(
            "unexpected character `}` (code 125): expected `true` in a.json record 1 at byte "
                + at
                + " (line 1, column "
                + (at + 1)
                + ")");
    CloudTrailParseException e = r.errors.get(0);
    assertThat(e.file()).contains("a.json");
    assertThat(e.recordIndex()).isEqualTo(1);
    assertThat(e.byteOffset()).isEqualTo(at);
  }

  @Test
  void logFile_badRecordInTheMiddle_strictThrowsAtTheFirstBadByte() {
    String file = "{\"Records\":[" + R0 + "," + BAD + "," + R2 + "]}";

    CloudTrailParseException e = Reads.strictError(utf8(file), "a.json");

    assertThat(e.reason()).isEqualTo("unexpected character `}` (code 125): expected `true`");
    assertThat(e.recordIndex()).isEqualTo(1);
    assertThat(e.byteOffset()).isEqualTo(file.indexOf("tru}") + 3);
  }

  @Test
  void logFile_prettyPrintedWithBadRecord_lineAndColumnInTheFile() {
    String file =
        "{\n  \"Records\": [\n    "
            + R0
            + ",\n    {\n      \"eventName\": \"x\",\n"
            + "      \"eventName\": \"y\"\n    },\n    "
            + R2
            + "\n  ]\n}\n";

    Reads r = Reads.of(file, "pretty.json");

    assertThat(r.records).containsExactly(R0, R2);
    int at = file.indexOf("\"eventName\": \"y\"");
    assertThat(r.messages())
        .containsExactly(
            "duplicate member name `eventName` in pretty.json record 1 at byte "
                + at
                + " (line 6, column 7)");
  }

  @Test
  void logFile_elementsThatAreNotObjects_eachRejected() {
    String file = "{\"Records\":[" + R0 + ", 5, \"x\", [1,{\"a\":[]}], " + R1 + "]}";

    Reads r = Reads.of(file, "odd.json");

    assertThat(r.records).containsExactly(R0, R1);
    assertThat(r.indices).containsExactly(0L, 4L);
    assertCounts(r, 2, 3);
    assertThat(r.errors.get(0).getMessage())
        .isEqualTo(
            "expected a record (a JSON object), found character `5` (code 53) in odd.json record 1"
                + " at byte "
                + (R0.length() + 14)
                + " (line 1, column "
                + (R0.length() + 15)
                + ")");
  }

  @Test
  void logFile_missingCommaBetweenRecords_reportedAndTheNextRecordRead() {
    String file = "{\"Records\":[" + R0 + " " + R1 + "," + R2 + "]}";

    Reads r = Reads.of(file, "comma.json");

    assertThat(r.records).containsExactly(R0, R1, R2);
    assertThat(r.messages())
        .containsExactly(
            "unexpected character `{` (code 123): expected `,` or `]` in comma.json at byte "
                + (R0.length() + 13)
                + " (line 1, column "
                + (R0.length() + 14)
                + ")");
  }

  @Test
  void logFile_brokenWrapper_fileAbandonedWithOneError() {
    Reads r = Reads.of("{\"Records\":[" + R0 + "] x " + R1 + "}", "w.json");

    assertThat(r.records).containsExactly(R0);
    assertCounts(r, 1, 1);
    assertThat(r.errors.get(0).reason())
        .isEqualTo("unexpected character `x` (code 120): expected `,` or `}`");
    assertThat(r.errors.get(0).recordIndex()).isEqualTo(-1);
  }

  @Test
  void logFile_repeatedRecordsMember_rejected() {
    Reads r = Reads.of("{\"Records\":[" + R0 + "],\"Records\":[" + R1 + "]}", "w.json");

    assertThat(r.records).containsExactly(R0);
    assertThat(r.errors)
        .singleElement()
        .extracting(CloudTrailParseException::reason)
        .isEqualTo("duplicate member name `Records`");
  }

  @Test
  void record_duplicateMemberNames_rejectedInStrictModeToo() {
    CloudTrailParseException e =
        Reads.strictError(
            utf8("{\"a\":1,\"userIdentity\":{\"arn\":\"x\",\"arn\":\"y\"}}"), "d.json");

    assertThat(e.getMessage())
        .isEqualTo("duplicate member name `arn` in d.json record 0 at byte 33 (line 1, column 34)");
  }

  // ---- JSON lines ------------------------------------------------------------------------------

  @Test
  void ndjson_badLine_nextLineRead() {
    String file = R0 + "\n" + "{\"eventName\": \"cut off\n" + R1 + "\nhello world\n" + R2 + "\n";

    Reads r = Reads.of(file, "lines.ndjson");

    assertThat(r.records).containsExactly(R0, R1, R2);
    assertThat(r.indices).containsExactly(0L, 2L, 4L);
    assertCounts(r, 3, 2);
    int cut = file.indexOf("cut off") + 7;
    int hello = file.indexOf("hello");
    assertThat(r.messages())
        .containsExactly(
            "unescaped control character (code 10) in a string in lines.ndjson record 1 at byte "
                + cut
                + " (line 2, column 23)",
            "expected a JSON object (a CloudTrail log file, record or event), found character `h`"
                + " (code 104) in lines.ndjson record 3 at byte "
                + hello
                + " (line 4, column 1)");
    assertThat(r.sources).allSatisfy(s -> assertThat(s.shape()).isEqualTo(DeliveryShape.NDJSON));
  }

  @Test
  void ndjson_lineMissingItsClosingBrace_nextLineStillRead() {
    String file = R0 + "\n{\"a\":{\"b\":1}\n" + R1 + "\n" + R2 + "\n";

    Reads r = Reads.of(file, "lines.ndjson");

    assertThat(r.records).containsExactly(R0, R1, R2);
    assertCounts(r, 3, 1);
    assertThat(r.errors.get(0).line()).isEqualTo(3);
    assertThat(r.errors.get(0).recordIndex()).isEqualTo(1);
  }

  @Test
  void ndjson_firstLineBroken_restOfTheLinesRead() {
    String file = "{\"a\":{\"b\":\"x\n" + R0 + "\n" + R1 + "\n";

    Reads r = Reads.of(file, "lines.ndjson");

    assertThat(r.records).containsExactly(R0, R1);
    assertCounts(r, 2, 1);
  }

  @Test
  void ndjson_firstLineMissingABrace_restOfTheLinesRead() {
    String file = "{\"a\":{\"b\":1}\n" + R0 + "\n" + R1 + "\n";

    Reads r = Reads.of(file, "lines.ndjson");

    assertThat(r.records).containsExactly(R0, R1);
    assertCounts(r, 2, 1);
  }

  @Test
  @Timeout(30)
  void ndjson_manyBadLines_linearAndCounted() {
    int n = 100_000;
    StringBuilder file = new StringBuilder();
    for (int i = 0; i < n; i++) {
      file.append(i % 2 == 0 ? R0 : "{\"eventName\":\"x\",}").append('\n');
    }

    Reads r = Reads.of(file.toString(), "many.ndjson");

    assertCounts(r, n / 2, n / 2);
    CloudTrailParseException last = r.errors.get(r.errors.size() - 1);
    assertThat(last.line()).isEqualTo(n);
    assertThat(last.column()).isEqualTo(18);
    assertThat(last.recordIndex()).isEqualTo(n - 1);
  }

  @Test
  void eventBridgeLines_badEvent_nextEventRead() {
    String e0 = "{\"detail-type\":\"AWS API Call via CloudTrail\",\"detail\":" + R0 + "}";
    String e2 = "{\"detail-type\":\"AWS API Call via CloudTrail\",\"detail\":" + R2 + "}";
    String file = e0 + "\n{\"detail-type\":\"AWS API Call via CloudTrail\",\"detail\":5}\n" + e2;

    Reads r = Reads.of(file, "eb.ndjson");

    assertThat(r.records).containsExactly(R0, R2);
    assertThat(r.messages())
        .containsExactly(
            "EventBridge `detail` must be a CloudTrail record (an object), found the number `5` in"
                + " eb.ndjson record 1 at byte "
                + (e0.length() + 55)
                + " (line 2, column 55)");
  }

  // ---- lookup-events ---------------------------------------------------------------------------

  @Test
  void lookupEvents_malformedEmbeddedRecord_locatedAtItsEscapeInTheFile() {
    String embedded = new JsonString("{\n\"a\": \"é\", \"b\": tru}").toString();
    String file =
        "{\"Events\":[{\"CloudTrailEvent\":"
            + new JsonString(R0)
            + "},\n{\"CloudTrailEvent\":"
            + embedded
            + "},\n{\"CloudTrailEvent\":"
            + new JsonString(R1)
            + "}]}";

    Reads r = Reads.of(file, "lookup.json");

    assertThat(r.records).containsExactly(R0, R1);
    int at = utf8(file.substring(0, file.indexOf("tru}") + 3)).length; // é is two bytes
    int line2 = utf8(file.substring(0, file.indexOf("\n{") + 1)).length;
    assertThat(r.messages())
        .containsExactly(
            "unexpected character `}` (code 125): expected `true` (in the `CloudTrailEvent` string)"
                + " in lookup.json record 1 at byte "
                + at
                + " (line 2, column "
                + (at - line2 + 1)
                + ")");
  }

  @Test
  void lookupEvents_eventWithoutRecord_rejected() {
    Reads r = Reads.of("{\"Events\":[{\"EventId\":\"x\"},{\"CloudTrailEvent\":5}]}", "l.json");

    assertThat(r.messages())
        .containsExactly(
            "lookup-events event has no `CloudTrailEvent` member in l.json record 0 at byte 11 (line"
                + " 1, column 12)",
            "`CloudTrailEvent` must be a string holding the record, found the number `5` in l.json"
                + " record 1 at byte 46 (line 1, column 47)");
  }

  // ---- truncation ------------------------------------------------------------------------------

  @Test
  void truncatedJson_completeRecordsDeliveredThenOneError() {
    String file = "{\"Records\":[" + R0 + "," + R1 + "," + R2 + "]}";
    String cut = file.substring(0, file.indexOf(R2) + 20);

    Reads r = Reads.of(cut, "cut.json");

    assertThat(r.records).containsExactly(R0, R1);
    assertCounts(r, 2, 1);
    assertThat(r.messages())
        .containsExactly(
            "unexpected end of input: unterminated string in cut.json record 2 at byte "
                + cut.length()
                + " (line 1, column "
                + (cut.length() + 1)
                + ")");
  }

  @Test
  void truncatedJson_betweenRecords_oneErrorOutsideAnyRecord() {
    String cut = "{\"Records\":[" + R0 + ",";

    Reads r = Reads.of(cut, "cut.json");

    assertThat(r.records).containsExactly(R0);
    assertThat(r.errors)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.reason()).isEqualTo("unexpected end of input: expected a record");
              assertThat(e.recordIndex()).isEqualTo(-1);
            });
  }

  @Test
  void truncatedGzip_completeRecordsDeliveredThenOneError() {
    StringBuilder text = new StringBuilder("{\"Records\":[");
    for (int i = 0; i < 3000; i++) {
      text.append(i == 0 ? "" : ",").append(i % 3 == 0 ? R0 : i % 3 == 1 ? R1 : R2);
    }
    byte[] gz = Reads.gzip(utf8(text.append("]}").toString()));
    byte[] cut = Arrays.copyOf(gz, gz.length * 2 / 3);

    Reads lenient = Reads.of(cut, "cut.json.gz");

    assertThat(lenient.records).hasSizeBetween(1000, 2999);
    for (int i = 0; i < lenient.records.size(); i++) {
      assertThat(lenient.records.get(i)).isEqualTo(i % 3 == 0 ? R0 : i % 3 == 1 ? R1 : R2);
    }
    assertCounts(lenient, lenient.records.size(), 1);
    CloudTrailParseException e = lenient.errors.get(0);
    assertThat(e.reason())
        .isEqualTo("unexpected end of gzip data: the compressed input is truncated");
    assertThat(e.recordIndex()).isEqualTo(lenient.records.size());

    int[] strictDelivered = {0};
    assertThatThrownBy(
            () ->
                CloudTrailReader.create()
                    .read(new ByteArrayInputStream(cut), "cut.json.gz", v -> strictDelivered[0]++))
        .isInstanceOf(CloudTrailParseException.class)
        .hasMessage(e.getMessage());
    assertThat(strictDelivered[0]).isEqualTo(lenient.records.size());
  }

  @Test
  void truncatedGzipTrailer_allRecordsThenOneError() {
    byte[] gz = Reads.gzip(utf8(R0 + "\n" + R1 + "\n"));
    byte[] cut = Arrays.copyOf(gz, gz.length - 3);

    Reads r = Reads.of(cut, "t.gz");

    assertThat(r.records).containsExactly(R0, R1);
    assertThat(r.messages())
        .containsExactly(
            "unexpected end of gzip data: truncated gzip trailer in t.gz at byte "
                + (R0.length() + R1.length() + 2)
                + " (line 3, column 1)");
  }

  @Test
  void corruptGzipChecksum_recordsThenOneError() {
    byte[] gz = Reads.gzip(utf8(R0 + "\n" + R1 + "\n"));
    gz[gz.length - 8] ^= 1;

    Reads r = Reads.of(gz, "crc.gz");

    assertThat(r.records).containsExactly(R0, R1);
    assertThat(r.errors)
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.reason()).startsWith("gzip checksum mismatch in member 1: CRC-32 0x"));
  }

  @Test
  void gzipFollowedByOtherData_recordsThenOneError() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(Reads.gzip(utf8(R0 + "\n")));
    out.writeBytes(utf8("garbage"));

    Reads r = Reads.of(out.toByteArray(), "g.gz");

    assertThat(r.records).containsExactly(R0);
    assertThat(r.errors)
        .singleElement()
        .extracting(CloudTrailParseException::reason)
        .isEqualTo("unexpected data after the end of gzip member 1");
  }

  @Test
  void corruptDeflateData_oneError() {
    byte[] gz = Reads.gzip(utf8((R0 + "\n").repeat(100)));
    for (int i = 20; i < 40; i++) {
      gz[i] = (byte) 0xFF;
    }

    Reads r = Reads.of(gz, "bad.gz");

    assertThat(r.summary.rejected()).isEqualTo(1);
    assertThat(r.errors.get(0).reason()).startsWith("invalid gzip data: ");
  }

  // ---- limits ----------------------------------------------------------------------------------

  @Test
  void maxRecordSize_exceeded_namedAndTheNextRecordRead() {
    String big = "{\"eventName\":\"" + "x".repeat(5000) + "\"}";
    String file = "{\"Records\":[" + R0 + "," + big + "," + R1 + "]}";

    Reads r = Reads.of(utf8(file), "big.json", CloudTrailReader.builder().maxRecordSize(1000));

    assertThat(r.records).containsExactly(R0, R1);
    int start = file.indexOf(big);
    assertThat(r.messages())
        .containsExactly(
            "record size exceeds `maxRecordSize` (1000 bytes) in big.json record 1 at byte "
                + (start + 1000)
                + " (line 1, column "
                + (start + 1001)
                + ")");
  }

  @Test
  void maxRecordSize_exceededByAnNdjsonLine_nextLineRead() {
    String file = R0 + "\n{\"a\":[" + "1,".repeat(300_000) + "1]}\n" + R1 + "\n";

    Reads r = Reads.of(utf8(file), "big.ndjson", CloudTrailReader.builder().maxRecordSize(4096));

    assertThat(r.records).containsExactly(R0, R1);
    assertThat(r.errors)
        .singleElement()
        .extracting(CloudTrailParseException::reason)
        .isEqualTo("record size exceeds `maxRecordSize` (4096 bytes)");
  }

  @Test
  void maxNestingDepth_exceeded_named() {
    String deep = "{\"a\":" + "[".repeat(10) + "]".repeat(10) + "}";

    Reads r =
        Reads.of(
            utf8(R0 + "\n" + deep + "\n" + R1),
            "deep.ndjson",
            CloudTrailReader.builder().maxNestingDepth(5));

    assertThat(r.records).containsExactly(R0, R1);
    assertThat(r.errors)
        .singleElement()
        .extracting(CloudTrailParseException::reason)
        .isEqualTo("nesting depth 6 exceeds `maxNestingDepth` (5)");
  }

  @Test
  void maxStringLength_exceeded_named() {
    String big = "{\"userAgent\":\"" + "x".repeat(100_000) + "\"}";

    Reads r =
        Reads.of(
            utf8(R0 + "\n" + big + "\n" + R1),
            "s.ndjson",
            CloudTrailReader.builder().maxStringLength(1000));

    assertThat(r.records).containsExactly(R0, R1);
    assertThat(r.errors)
        .singleElement()
        .extracting(CloudTrailParseException::reason)
        .isEqualTo("string length exceeds `maxStringLength` (1000 bytes)");
  }

  @Test
  void builder_limitsOutOfRange_rejected() {
    assertThatThrownBy(() -> CloudTrailReader.builder().maxRecordSize(0).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("`maxRecordSize` out of range: 0");
    assertThatThrownBy(() -> CloudTrailReader.builder().maxNestingDepth(0).build())
        .hasMessage("`maxNestingDepth` out of range: 0");
    assertThatThrownBy(() -> CloudTrailReader.builder().maxStringLength(-1).build())
        .hasMessage("`maxStringLength` out of range: -1");
  }

  // ---- fields of the wrong type ----------------------------------------------------------------

  @Test
  void view_fieldOfTheWrongType_locatedErrorNamingTheField() {
    String file = R0 + "\n{\"eventSource\": 5, \"userIdentity\": {\"arn\": [1]}}\n";
    CloudTrailReader reader = CloudTrailReader.create();
    List<String> messages = new java.util.ArrayList<>();

    reader.read(
        new ByteArrayInputStream(utf8(file)),
        "t.ndjson",
        v -> {
          if (v.recordIndex() == 1) {
            assertThat(v.isKms()).isFalse();
            assertThat(v.eventSourceIs(utf8("5"))).isFalse();
            for (Runnable r : List.<Runnable>of(v::eventSource, v::principalArn, v::toRecord)) {
              try {
                r.run();
              } catch (CloudTrailParseException e) {
                messages.add(e.getMessage());
              }
            }
          }
        });

    int line2 = R0.length() + 1;
    assertThat(messages)
        .containsExactly(
            "field `eventSource`: expected a string, found the number `5` in t.ndjson record 1 at"
                + " byte "
                + (line2 + 16)
                + " (line 2, column 17)",
            "field `userIdentity.arn`: expected a string, found an array in t.ndjson record 1 at"
                + " byte "
                + (line2 + 43)
                + " (line 2, column 44)",
            // core reads userIdentity before eventSource
            "field `userIdentity.arn`: expected a string, found an array in t.ndjson record 1 at"
                + " byte "
                + (line2 + 43)
                + " (line 2, column 44)");
  }

  @Test
  void handlerThrowingParseException_lenientCountsTheRecordRejected() {
    String file = R0 + "\n{\"eventTime\": \"yesterday\"}\n" + R1 + "\n";
    List<CloudTrailParseException> errors = new java.util.ArrayList<>();
    List<String> names = new java.util.ArrayList<>();

    ReadSummary s =
        CloudTrailReader.builder()
            .lenient(errors::add)
            .build()
            .read(
                new ByteArrayInputStream(utf8(file)),
                "h.ndjson",
                v -> names.add(v.toRecord().eventName().orElse("?")));

    assertThat(names).containsExactly("Decrypt", "GetObject");
    assertThat(s.delivered()).isEqualTo(2);
    assertThat(s.rejected()).isEqualTo(1);
    assertThat(errors)
        .singleElement()
        .extracting(Throwable::getMessage)
        .isEqualTo(
            "field `eventTime`: expected an ISO 8601 time, found `yesterday` in h.ndjson record 1"
                + " at byte "
                + (R0.length() + 15)
                + " (line 2, column 15)");
  }

  // ---- other input -----------------------------------------------------------------------------

  @Test
  void byteOrderMark_named() {
    CloudTrailParseException e = Reads.strictError(utf8("\uFEFF" + R0), "bom.json");

    assertThat(e.getMessage())
        .isEqualTo(
            "expected a JSON object (a CloudTrail log file, record or event), found byte order mark"
                + " (U+FEFF) in bom.json record 0 at byte 0 (line 1, column 1)");
  }

  @Test
  @Timeout(30)
  void randomBytes_lenientReportsAndFinishes() {
    java.util.SplittableRandom random = new java.util.SplittableRandom(1);
    byte[] bytes = new byte[2 << 20];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) random.nextInt(256);
    }

    Reads r = Reads.of(bytes, "random.bin");

    assertThat(r.summary.rejected()).isPositive();
    assertThat(r.summary.seen()).isEqualTo(r.summary.delivered() + r.summary.rejected());
  }
}
