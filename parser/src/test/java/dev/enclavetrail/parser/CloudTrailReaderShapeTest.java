package dev.enclavetrail.parser;

import static dev.enclavetrail.parser.TestData.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.enclavetrail.core.CloudTrailRecord;
import dev.enclavetrail.core.jackson.CloudTrailJackson;
import dev.enclavetrail.core.json.JsonString;
import dev.enclavetrail.testkit.CloudTrailLogFiles;
import dev.enclavetrail.testkit.KmsRecords;
import dev.enclavetrail.testkit.OtherRecords;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every delivery shape, detected from the content, plain and gzipped; names; directories. */
class CloudTrailReaderShapeTest {

  private static final CloudTrailJackson JACKSON = CloudTrailJackson.create();

  private static final List<CloudTrailRecord> RECORDS =
      List.of(
          KmsRecords.decrypt().build(),
          KmsRecords.generateDataKey().seed(2).build(),
          OtherRecords.s3GetObject().seed(3).build(),
          KmsRecords.generateRandom().withoutRecipient().seed(4).build(),
          OtherRecords.consoleLogin().seed(5).build());

  private static final List<String> COMPACT =
      RECORDS.stream().map(JACKSON::writeRecordAsString).toList();

  @TempDir Path dir;

  private static byte[] bytes(String text, boolean gzip) {
    byte[] b = utf8(text);
    return gzip ? Reads.gzip(b) : b;
  }

  private static String logFile(List<String> records) {
    return "{\"Records\":[" + String.join(",", records) + "]}";
  }

  private static String eventBridge(String record, String detailType) {
    return "{\"version\":\"0\",\"id\":\"6a7e8feb-b491-4cf7-a9f1-bf3703467718\",\"detail-type\":\""
        + detailType
        + "\",\"source\":\"aws.kms\",\"account\":\"111122223333\","
        + "\"time\":\"2025-01-06T10:15:30Z\",\"region\":\"us-west-2\",\"resources\":[],"
        + "\"detail\":"
        + record
        + "}";
  }

  private static String lookupEvents(List<String> records) {
    List<String> events = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      events.add(
          "{\"EventId\":\"e"
              + i
              + "\",\"EventName\":\"Decrypt\",\"ReadOnly\":\"true\","
              + "\"EventTime\":\"2025-01-06T10:15:30+00:00\",\"Resources\":[],"
              + "\"CloudTrailEvent\":"
              + new JsonString(records.get(i))
              + "}");
    }
    return "{\"Events\":[" + String.join(",", events) + "],\"NextToken\":\"abc\"}";
  }

  /** A CloudWatch Logs subscription payload of a trail's log group, as AWS Powertools shows one. */
  private static String subscriptionPayload(String messageType, List<String> messages) {
    List<String> events = new ArrayList<>();
    for (int i = 0; i < messages.size(); i++) {
      events.add(
          "{\"id\":\"3195310660696698337880902507980421114328961542429822156"
              + i
              + "\",\"timestamp\":143282685500"
              + i
              + ",\"message\":"
              + new JsonString(messages.get(i))
              + "}");
    }
    return "{\"owner\":\"111122223333\",\"logGroup\":\"CloudTrail/logs\","
        + "\"logStream\":\"111122223333_CloudTrail_us-east-1\",\"subscriptionFilters\":[\"Destination\"],"
        + "\"messageType\":\""
        + messageType
        + "\",\"logEvents\":["
        + String.join(",", events)
        + "]}";
  }

  private static final String DIGEST =
      "{\"awsAccountId\":\"111122223333\",\"digestStartTime\":\"2015-08-17T14:01:31Z\","
          + "\"digestEndTime\":\"2015-08-17T15:01:31Z\",\"digestS3Bucket\":\"bucket\","
          + "\"digestS3Object\":\"AWSLogs/111122223333/CloudTrail-Digest/us-east-2/2015/08/17/"
          + "111122223333_CloudTrail-Digest_us-east-2_trail_us-east-2_20150817T150131Z.json.gz\","
          + "\"digestPublicKeyFingerprint\":\"31e8b5433410dfb61a9dc45cc65b22ff\","
          + "\"digestSignatureAlgorithm\":\"SHA256withRSA\",\"newestEventTime\":null,"
          + "\"oldestEventTime\":null,\"previousDigestS3Bucket\":null,"
          + "\"previousDigestS3Object\":null,\"previousDigestHashValue\":null,"
          + "\"previousDigestHashAlgorithm\":null,\"previousDigestSignature\":null,"
          + "\"logFiles\":[]}";

  private static void assertDelivered(Reads r, DeliveryShape shape, boolean gzip) {
    assertThat(r.errors).isEmpty();
    assertThat(r.records).containsExactlyElementsOf(COMPACT);
    assertThat(r.summary.delivered()).isEqualTo(COMPACT.size());
    assertThat(r.sources)
        .allSatisfy(
            s -> {
              assertThat(s.shape()).isEqualTo(shape);
              assertThat(s.compressed()).isEqualTo(gzip);
            });
    assertThat(r.indices).containsExactly(0L, 1L, 2L, 3L, 4L);
  }

  @ParameterizedTest(name = "gzip={0}")
  @ValueSource(booleans = {false, true})
  void read_logFile_recordsInOrder(boolean gzip) {
    Reads r = Reads.of(bytes(logFile(COMPACT), gzip), "log.json");

    assertDelivered(r, DeliveryShape.LOG_FILE, gzip);
    assertThat(r.offsets.get(0)).isEqualTo(12);
  }

  @ParameterizedTest(name = "gzip={0}")
  @ValueSource(booleans = {false, true})
  void read_prettyPrintedLogFile_recordsWrittenCompact(boolean gzip) {
    String pretty =
        "{\n  \"Records\" : [\n"
            + COMPACT.stream()
                .map(c -> "    " + c.replace(",\"", ",\n      \""))
                .collect(Collectors.joining(",\n"))
            + "\n  ]\n}\n";

    assertDelivered(Reads.of(bytes(pretty, gzip), "pretty.json"), DeliveryShape.LOG_FILE, gzip);
  }

  @ParameterizedTest(name = "gzip={0}")
  @ValueSource(booleans = {false, true})
  void read_singleRecord_isRecordShape(boolean gzip) {
    Reads r = Reads.of(bytes("\n" + COMPACT.get(0) + "\n\n", gzip), "one.json");

    assertThat(r.errors).isEmpty();
    assertThat(r.records).containsExactly(COMPACT.get(0));
    assertThat(r.sources.get(0).shape()).isEqualTo(DeliveryShape.RECORD);
    assertThat(r.offsets).containsExactly(1L);
  }

  @Test
  void read_prettyPrintedDocumentationRecord_isRecordShape() {
    Path file = TestData.dir().resolve("kms-doc-examples/Decrypt.json");
    Reads r = Reads.of(List.of(file));

    assertThat(r.errors).isEmpty();
    assertThat(r.sources)
        .singleElement()
        .extracting(SourceFile::shape)
        .isEqualTo(DeliveryShape.RECORD);
    assertThat(JACKSON.readRecord(utf8(r.records.get(0))))
        .isEqualTo(JACKSON.readRecord(TestData.read(file)));
  }

  @ParameterizedTest(name = "gzip={0}")
  @ValueSource(booleans = {false, true})
  void read_jsonLines_isNdjson(boolean gzip) {
    Reads r = Reads.of(bytes(String.join("\n", COMPACT) + "\n", gzip), "cw.ndjson");

    assertDelivered(r, DeliveryShape.NDJSON, gzip);
  }

  @Test
  void read_jsonLinesWithCrLfAndBlankLines_isNdjson() {
    Reads r = Reads.of(bytes("\r\n" + String.join("\r\n\r\n", COMPACT), false), "crlf.ndjson");

    assertDelivered(r, DeliveryShape.NDJSON, false);
  }

  /** A line of a CloudWatch Logs export to S3: the event's time stamp, a space, the message. */
  private static String exportLine(String stamp, String record) {
    return stamp + " " + record;
  }

  @ParameterizedTest(name = "gzip={0}")
  @ValueSource(booleans = {false, true})
  void read_cloudWatchExportLines_timeStampsSkippedRecordsDelivered(boolean gzip) {
    List<String> lines = new ArrayList<>();
    String[] stamps = {
      "2025-01-06T10:15:31.000Z",
      "2025-01-06T10:15:31Z",
      "2024-02-29T23:59:59.5Z",
      "2025-01-06T10:15:32.123456789Z",
      "2025-12-31T00:00:00.000Z"
    };
    for (int i = 0; i < COMPACT.size(); i++) {
      lines.add(exportLine(stamps[i], COMPACT.get(i)));
    }
    Reads r = Reads.of(bytes(String.join("\n", lines) + "\n", gzip), "000000.gz");

    assertDelivered(r, DeliveryShape.NDJSON, gzip);
    assertThat(r.offsets.get(0)).isEqualTo(stamps[0].length() + 1); // the record's `{`
    assertThat(r.offsets.get(1)).isEqualTo(lines.get(0).length() + 1 + stamps[1].length() + 1);
  }

  @Test
  void read_cloudWatchExportTimeStampCutByTheWindow_stillSkipped() {
    // The first line is padded so that the second line's time stamp straddles the end of the
    // reader's first window. Reads.of also reads the bytes in place, where nothing is cut, and
    // checks that both reads agree.
    String stamp = "2025-01-06T10:15:31.000Z";
    String head = COMPACT.get(0).substring(0, COMPACT.get(0).length() - 1) + ",\"padding\":\"";
    int padding = ReadSession.WINDOW - 10 - (stamp.length() + 1 + head.length() + 2 + 1);
    String first = head + "x".repeat(padding) + "\"}";
    String text =
        exportLine(stamp, first)
            + "\n"
            + exportLine(stamp, COMPACT.get(1))
            + "\n"
            + exportLine(stamp, COMPACT.get(2));
    assertThat(text.indexOf('\n')).isEqualTo(ReadSession.WINDOW - 11);

    Reads r = Reads.of(text, "000001");

    assertThat(r.errors).isEmpty();
    assertThat(r.records).containsExactly(first, COMPACT.get(1), COMPACT.get(2));
    assertThat(r.offsets.get(1)).isEqualTo(ReadSession.WINDOW - 10 + stamp.length() + 1);
  }

  @Test
  void read_oneCloudWatchExportLine_isNdjson() {
    Reads r = Reads.of(exportLine("2025-01-06T10:15:31.000Z", COMPACT.get(0)), "000000");

    assertThat(r.errors).isEmpty();
    assertThat(r.records).containsExactly(COMPACT.get(0));
    assertThat(r.sources.get(0).shape()).isEqualTo(DeliveryShape.NDJSON);
  }

  @Test
  void read_cloudWatchExportLineWithBrokenRecord_reportedAtItsLineAndNextLineRead() {
    String lines =
        exportLine("2025-01-06T10:15:31.000Z", COMPACT.get(0))
            + "\n"
            + exportLine("2025-01-06T10:15:32.000Z", "{\"eventVersion\":\"1.08\",}")
            + "\n"
            + exportLine("2025-01-06T10:15:33.000Z", COMPACT.get(1))
            + "\n";
    Reads r = Reads.of(lines, "000000");

    assertThat(r.records).containsExactly(COMPACT.get(0), COMPACT.get(1));
    assertThat(r.messages())
        .singleElement()
        .asString()
        .contains("record 1 at byte")
        .contains("line 2, column 49");
    assertThat(r.summary.seen()).isEqualTo(3);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2025-13-06T10:15:31.000Z ", // no month 13
        "2025-02-29T10:15:31.000Z ", // 2025 is not a leap year
        "2025-01-06T24:15:31.000Z ",
        "2025-01-06T10:60:31.000Z ",
        "2025-01-06T10:15:31.Z ", // a fraction needs a digit
        "2025-01-06T10:15:31.000 ", // no Z
        "2025-01-06T10:15:31.000Z  ", // two spaces
        "2025-01-06 10:15:31.000Z ",
        "20250106T101531Z ",
        "1736158531000 "
      })
  void read_lineWithSomethingElseBeforeTheRecord_rejected(String prefix) {
    Reads r = Reads.of(prefix + COMPACT.get(0) + "\n" + COMPACT.get(1) + "\n", "000000");

    assertThat(r.records).containsExactly(COMPACT.get(1));
    assertThat(r.messages())
        .singleElement()
        .asString()
        .contains("expected a JSON object (a CloudTrail log file, record or event)")
        .contains("line 1, column 1");
  }

  @ParameterizedTest(name = "gzip={0}")
  @ValueSource(booleans = {false, true})
  void read_eventBridgeEventsOnePerLine_recordIsTheDetail(boolean gzip) {
    String lines =
        COMPACT.stream()
            .map(c -> eventBridge(c, "AWS API Call via CloudTrail"))
            .collect(Collectors.joining("\n"));

    assertDelivered(Reads.of(bytes(lines, gzip), "events.ndjson"), DeliveryShape.EVENTBRIDGE, gzip);
  }

  @Test
  void read_eventBridgeEventAlonePrettyPrinted_recordIsTheDetail() {
    String event =
        eventBridge(COMPACT.get(0), "AWS Console Signin via CloudTrail").replace(",\"", ",\n \"");

    Reads r = Reads.of(event, "event.json");

    assertThat(r.errors).isEmpty();
    assertThat(r.records).containsExactly(COMPACT.get(0));
    assertThat(r.sources.get(0).shape()).isEqualTo(DeliveryShape.EVENTBRIDGE);
    assertThat(r.offsets.get(0)).isEqualTo(event.indexOf("\"detail\":") + 9L);
  }

  @Test
  void read_eventBridgeEventNotFromCloudTrail_rejected() {
    Reads r =
        Reads.of(
            eventBridge("{\"state\":\"running\"}", "EC2 Instance State-change Notification"),
            "ec2.json");

    assertThat(r.records).isEmpty();
    assertThat(r.messages())
        .containsExactly(
            "EventBridge event is not from CloudTrail: `detail-type` is `EC2 Instance State-change"
                + " Notification` in ec2.json record 0 at byte 73 (line 1, column 74)");
  }

  @ParameterizedTest(name = "gzip={0}")
  @ValueSource(booleans = {false, true})
  void read_lookupEvents_embeddedRecordsParsed(boolean gzip) {
    Reads r = Reads.of(bytes(lookupEvents(COMPACT), gzip), "lookup.json");

    assertDelivered(r, DeliveryShape.LOOKUP_EVENTS, gzip);
  }

  @Test
  void read_lookupEventsWithEventsNotFirst_stillRead() {
    String text = lookupEvents(COMPACT);
    String reordered =
        "{\"NextToken\":\"abc\",\"Events\":"
            + text.substring(text.indexOf('['), text.lastIndexOf(",\"NextToken\""))
            + "}";

    assertDelivered(Reads.of(reordered, "lookup.json"), DeliveryShape.LOOKUP_EVENTS, false);
  }

  @ParameterizedTest(name = "gzip={0}")
  @ValueSource(booleans = {false, true})
  void read_cloudWatchLogsSubscriptionPayload_messagesParsedAsRecords(boolean gzip) {
    Reads r = Reads.of(bytes(subscriptionPayload("DATA_MESSAGE", COMPACT), gzip), "payload");

    assertDelivered(r, DeliveryShape.CLOUDWATCH_LOGS, gzip);
  }

  @Test
  void read_firehoseObjectOfPayloadsOneAfterAnother_allReadControlMessagesHoldNone() {
    // Firehose writes the payloads it receives back to back, without separators.
    String text =
        subscriptionPayload("CONTROL_MESSAGE", List.of("CWL CONTROL MESSAGE: Checking health"))
            + subscriptionPayload("DATA_MESSAGE", COMPACT.subList(0, 2))
            + subscriptionPayload("DATA_MESSAGE", COMPACT.subList(2, 5));

    assertDelivered(Reads.of(text, "firehose-1"), DeliveryShape.CLOUDWATCH_LOGS, false);
  }

  @Test
  void read_cloudWatchLogsPayloadWithBadMessages_eachRejectedOthersDelivered() {
    String text =
        subscriptionPayload("DATA_MESSAGE", List.of(COMPACT.get(0), "not a record", "[1]"))
            .replace(",\"message\":\"[1]\"", "");
    Reads r = Reads.of(text, "payload");

    assertThat(r.records).containsExactly(COMPACT.get(0));
    assertThat(r.messages())
        .hasSize(2)
        .satisfiesExactly(
            m -> assertThat(m).contains("(in the `message` string) in payload record 1 at byte"),
            m -> assertThat(m).startsWith("CloudWatch Logs event has no `message` member"));
    assertThat(r.summary.seen()).isEqualTo(3);
  }

  @Test
  void read_cloudWatchLogsPayloadOfAnotherMessageType_rejectedWhole() {
    Reads r = Reads.of(subscriptionPayload("OTHER_MESSAGE", COMPACT), "payload");

    assertThat(r.records).isEmpty();
    assertThat(r.messages())
        .singleElement()
        .asString()
        .startsWith(
            "CloudWatch Logs `messageType` is `OTHER_MESSAGE`, expected `DATA_MESSAGE` or"
                + " `CONTROL_MESSAGE` in payload record 0 at byte");
  }

  @Test
  void read_logFileWithRecordsNotFirst_stillRead() {
    String text = "{\"Other\":{\"a\":[1,2]}, \"Records\":[" + String.join(",", COMPACT) + "]}";

    assertDelivered(Reads.of(text, "odd.json"), DeliveryShape.LOG_FILE, false);
  }

  @Test
  void read_logFileWithMembersAfterRecords_checkedAndAccepted() {
    String text = logFile(COMPACT).replace("]}", "],\"Extra\":{\"b\":[true,null]} }");

    assertDelivered(Reads.of(text, "extra.json"), DeliveryShape.LOG_FILE, false);
  }

  @ParameterizedTest(name = "gzip={0}")
  @ValueSource(booleans = {false, true})
  void read_digestFile_recognisedWithoutRecordsOrErrors(boolean gzip) {
    Reads r = Reads.of(bytes(DIGEST, gzip), "digest.json.gz");

    assertThat(r.errors).isEmpty();
    assertThat(r.records).isEmpty();
    assertThat(r.summary.digestFiles()).isEqualTo(1);
    assertThat(r.summary.files()).isEqualTo(1);
    assertThat(r.summary.seen()).isZero();
  }

  @Test
  void read_concatenatedGzipMembers_readAsOneStream() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (String c : COMPACT) {
      out.writeBytes(Reads.gzip(utf8(c + "\n")));
    }

    assertDelivered(Reads.of(out.toByteArray(), "members.gz"), DeliveryShape.NDJSON, true);
  }

  @Test
  void read_concatenatedLogFiles_allRecordsRead() {
    String two = logFile(COMPACT.subList(0, 2)) + "\n" + logFile(COMPACT.subList(2, 5)) + "\n";

    assertDelivered(Reads.of(two, "two.json"), DeliveryShape.LOG_FILE, false);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " \n\t\r\n", "{\"Records\":[]}", "{\"Records\":[ ]}\n"})
  void read_emptyInputs_noRecordsNoErrors(String text) {
    Reads r = Reads.of(text, "empty.json");

    assertThat(r.errors).isEmpty();
    assertThat(r.summary.seen()).isZero();
    assertThat(r.summary.files()).isEqualTo(1);
  }

  @Test
  void read_emptyGzip_noRecordsNoErrors() {
    Reads r = Reads.of(Reads.gzip(new byte[0]), "empty.json.gz");

    assertThat(r.errors).isEmpty();
    assertThat(r.summary.seen()).isZero();
  }

  // ---- files and directories -------------------------------------------------------------------

  @Test
  void read_directory_walkedRecursivelyInSortedOrderSkippingHiddenFiles() throws IOException {
    CloudTrailLogFiles logs = CloudTrailLogFiles.create(dir.resolve("trail"));
    Path b =
        logs.write(
            "111122223333",
            "us-west-2",
            Instant.parse("2025-01-06T10:20:00Z"),
            RECORDS.subList(2, 5));
    Path a =
        logs.write(
            "111122223333",
            "us-east-1",
            Instant.parse("2025-01-07T10:20:00Z"),
            RECORDS.subList(0, 2));
    CloudTrailLogFiles.writeNdjson(dir.resolve("trail/z/lines.ndjson"), RECORDS.subList(0, 1));
    Files.writeString(dir.resolve("trail/.DS_Store"), "not json");
    Files.createDirectories(dir.resolve("trail/.hidden"));
    Files.writeString(dir.resolve("trail/.hidden/x.json"), "not json");

    Reads r = Reads.of(List.of(dir.resolve("trail")));

    assertThat(r.errors).isEmpty();
    assertThat(r.summary.files()).isEqualTo(3);
    assertThat(r.sources.stream().map(SourceFile::name).distinct())
        .containsExactly(
            a.toString(), b.toString(), dir.resolve("trail/z/lines.ndjson").toString());
    assertThat(r.records)
        .containsExactly(
            COMPACT.get(0),
            COMPACT.get(1),
            COMPACT.get(2),
            COMPACT.get(3),
            COMPACT.get(4),
            COMPACT.get(0));
    SourceFile first = r.sources.get(0);
    assertThat(first.path()).contains(a);
    assertThat(first.compressed()).isTrue();
    assertThat(first.account()).contains("111122223333");
    assertThat(first.region()).contains("us-east-1");
    assertThat(first.deliveryTime()).contains(Instant.parse("2025-01-07T10:20:00Z"));
  }

  @Test
  void read_listOfPaths_inTheOrderGiven() throws IOException {
    Path x = Files.writeString(dir.resolve("x.json"), COMPACT.get(1));
    Path y = Files.writeString(dir.resolve("y.json"), COMPACT.get(0));

    Reads r = Reads.of(List.of(y, x));

    assertThat(r.records).containsExactly(COMPACT.get(0), COMPACT.get(1));
    assertThat(r.summary.files()).isEqualTo(2);
  }

  @Test
  void read_missingPath_noSuchFileBeforeAnythingIsRead() throws IOException {
    Path x = Files.writeString(dir.resolve("x.json"), COMPACT.get(1));
    List<String> seen = new ArrayList<>();

    assertThatThrownBy(
            () ->
                CloudTrailReader.create()
                    .read(List.of(x, dir.resolve("missing.json")), v -> seen.add("x")))
        .isInstanceOf(UncheckedIOException.class)
        .hasCauseInstanceOf(NoSuchFileException.class)
        .hasMessageContaining("missing.json");
    assertThat(seen).isEmpty();
    assertThatThrownBy(() -> CloudTrailReader.create().stream(List.of(dir.resolve("nope"))))
        .hasCauseInstanceOf(NoSuchFileException.class);
  }

  @Test
  void stream_iteratesRecordsAndClosesFiles() throws IOException {
    Path x = CloudTrailLogFiles.writeLogFile(dir.resolve("x.json.gz"), RECORDS);
    List<CloudTrailRecord> records = new ArrayList<>();

    try (RecordStream stream = CloudTrailReader.create().stream(List.of(x, x))) {
      while (stream.hasNext()) {
        records.add(stream.next().toRecord());
      }
      assertThat(stream.summary().delivered()).isEqualTo(10);
      assertThat(stream.summary().files()).isEqualTo(2);
    }

    assertThat(records.subList(0, 5)).containsExactlyElementsOf(RECORDS);
    assertThat(records.subList(5, 10)).containsExactlyElementsOf(RECORDS);
  }

  @Test
  void stream_closedEarly_stopsAndReleasesTheView() throws IOException {
    Path x = CloudTrailLogFiles.writeLogFile(dir.resolve("x.json"), RECORDS);
    RecordView view;
    try (RecordStream stream = CloudTrailReader.create().stream(List.of(x))) {
      view = stream.next();
      assertThat(view.eventSource()).contains("kms.amazonaws.com");
    }

    assertThatThrownBy(view::eventSource).isInstanceOf(IllegalStateException.class);
    Files.delete(x); // closed: deletable on every platform
  }

  @Test
  void stream_bytesInPlace_iteratesRecords() {
    byte[] file = utf8(logFile(COMPACT));
    List<CloudTrailRecord> records = new ArrayList<>();

    try (RecordStream stream = CloudTrailReader.create().stream(file, "mem.json")) {
      while (stream.hasNext()) {
        records.add(stream.next().toRecord());
      }
      assertThat(stream.summary().delivered()).isEqualTo(5);
    }

    assertThat(records).containsExactlyElementsOf(RECORDS);
  }

  @Test
  void read_bytesInPlaceThenLargeStream_sessionUsesItsOwnWindowAgain() {
    // The reader keeps its session for the next read of the thread: a stream read after an
    // in-place one must fill the session's own window (grown past 256 KiB here), never the array.
    CloudTrailReader reader = CloudTrailReader.create();
    byte[] small = utf8(logFile(COMPACT.subList(0, 1)));
    byte[] before = small.clone();
    String big = "\"" + "x".repeat(600 * 1024) + "\"";
    String bigRecord =
        COMPACT.get(0).substring(0, COMPACT.get(0).length() - 1) + ",\"padding\":" + big + "}";
    List<Integer> sizes = new ArrayList<>();

    reader.read(small, "small.json", v -> sizes.add(v.toRecord().json().size()));
    reader.read(
        new java.io.ByteArrayInputStream(utf8(logFile(List.of(bigRecord, COMPACT.get(1))))),
        "big.json",
        v -> sizes.add(v.toRecord().json().size()));
    reader.read(small, "small.json", v -> sizes.add(v.toRecord().json().size()));

    assertThat(small).isEqualTo(before);
    int n = RECORDS.get(0).json().size();
    assertThat(sizes).containsExactly(n, n + 1, RECORDS.get(1).json().size(), n);
  }

  // ---- names -----------------------------------------------------------------------------------

  @Test
  void sourceFile_logFileName_accountRegionAndDeliveryTime() {
    SourceFile f =
        new SourceFile(
            "b/111122223333_CloudTrail_us-east-2_20150801T0210Z_Mu0KsOhtH1ar15ZZ.json.gz",
            null,
            DeliveryShape.LOG_FILE,
            true);

    assertThat(f.account()).contains("111122223333");
    assertThat(f.region()).contains("us-east-2");
    assertThat(f.deliveryTime()).contains(Instant.parse("2015-08-01T02:10:00Z"));
  }

  @Test
  void sourceFile_olderNameWithoutUnderscoreBeforeUniqueString_parsed() {
    SourceFile f =
        new SourceFile(
            "111122223333_CloudTrail_us-gov-west-1_20140620T1255ZHdkvFTXOA3Vnhbc.json.gz",
            null,
            DeliveryShape.LOG_FILE,
            true);

    assertThat(f.account()).contains("111122223333");
    assertThat(f.region()).contains("us-gov-west-1");
    assertThat(f.deliveryTime()).contains(Instant.parse("2014-06-20T12:55:00Z"));
  }

  @Test
  void sourceFile_digestName_timeToTheSecond() {
    SourceFile f =
        new SourceFile(
            "111122223333_CloudTrail-Digest_us-east-2_my-trail_us-east-1_20150817T150131Z.json.gz",
            null,
            DeliveryShape.DIGEST,
            true);

    assertThat(f.region()).contains("us-east-2");
    assertThat(f.deliveryTime()).contains(Instant.parse("2015-08-17T15:01:31Z"));
  }

  @Test
  void sourceFile_cloudWatchStreamName_accountAndRegionOnly() {
    SourceFile f =
        new SourceFile("111122223333_CloudTrail_eu-west-1_2", null, DeliveryShape.NDJSON, false);

    assertThat(f.account()).contains("111122223333");
    assertThat(f.region()).contains("eu-west-1");
    assertThat(f.deliveryTime()).isEmpty();
  }

  @Test
  void sourceFile_cloudWatchExportObject_accountAndRegionFromItsStreamFolder() {
    SourceFile f =
        new SourceFile(
            "exportedlogs/0f3c1a2b-1111-2222-3333-444455556666/111122223333_CloudTrail_eu-west-1/000000.gz",
            null,
            DeliveryShape.NDJSON,
            true);

    assertThat(f.account()).contains("111122223333");
    assertThat(f.region()).contains("eu-west-1");
    assertThat(f.deliveryTime()).isEmpty();
  }

  @Test
  void sourceFile_s3LayoutWithOtherName_accountAndRegionFromThePath() {
    SourceFile f =
        new SourceFile(
            "bucket/AWSLogs/o-abc123/111122223333/CloudTrail/ap-southeast-2/2025/01/06/x.json",
            null,
            DeliveryShape.LOG_FILE,
            false);

    assertThat(f.account()).contains("111122223333");
    assertThat(f.region()).contains("ap-southeast-2");
  }

  @Test
  void sourceFile_otherName_nothing() {
    SourceFile f = new SourceFile("records.json", null, DeliveryShape.RECORD, false);

    assertThat(f.account()).isEmpty();
    assertThat(f.region()).isEmpty();
    assertThat(f.deliveryTime()).isEmpty();
    assertThat(f.path()).isEmpty();
  }
}
