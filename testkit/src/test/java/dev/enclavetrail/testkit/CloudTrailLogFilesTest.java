package dev.enclavetrail.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.enclavetrail.core.CloudTrailRecord;
import dev.enclavetrail.core.jackson.CloudTrailJackson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CloudTrailLogFilesTest {

  private static final CloudTrailJackson JSON = CloudTrailJackson.create();
  private static final String NAME_PATTERN =
      "\\d{12}_CloudTrail_[a-z0-9-]+_\\d{8}T\\d{4}Z_[A-Za-z0-9]{16}\\.json(\\.gz)?";

  @TempDir Path dir;

  private static List<CloudTrailRecord> records() {
    return List.of(
        KmsRecords.decrypt().build(),
        KmsRecords.generateRandom().eventTime(Instant.parse("2025-01-06T10:21:07Z")).build(),
        OtherRecords.s3GetObject().build());
  }

  static byte[] gunzip(Path file) throws IOException {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
      return in.readAllBytes();
    }
  }

  @Test
  void fileName_awsDocumentationExample_sameName() {
    String name =
        CloudTrailLogFiles.fileName(
            "111122223333",
            "us-east-2",
            Instant.parse("2015-08-01T02:10:42Z"),
            "Mu0KsOhtH1ar15ZZ",
            true);

    assertThat(name)
        .isEqualTo("111122223333_CloudTrail_us-east-2_20150801T0210Z_Mu0KsOhtH1ar15ZZ.json.gz");
  }

  @Test
  void keyPrefix_deliveryTime_s3LayoutOfThatUtcDay() {
    assertThat(
            CloudTrailLogFiles.keyPrefix(
                "111122223333", "us-east-2", Instant.parse("2015-08-01T23:59:00Z")))
        .isEqualTo("AWSLogs/111122223333/CloudTrail/us-east-2/2015/08/01");
  }

  @Test
  void write_records_gzipFileInS3LayoutDeliveredAfterLatestEvent() throws IOException {
    Path file = CloudTrailLogFiles.create(dir).write(records());

    String relative = dir.relativize(file).toString().replace('\\', '/');
    assertThat(relative)
        .startsWith("AWSLogs/111122223333/CloudTrail/us-west-2/2025/01/06/")
        .endsWith(".json.gz");
    assertThat(file.getFileName().toString())
        .matches(NAME_PATTERN)
        .startsWith("111122223333_CloudTrail_us-west-2_20250106T1025Z_");
    assertThat(gunzip(file)).startsWith("{\"Records\":[{".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void write_gzip_decompressesToTheRecords() throws IOException {
    Path file = CloudTrailLogFiles.create(dir).write(records());

    assertThat(JSON.readLogFile(gunzip(file))).isEqualTo(records());
  }

  @Test
  void write_uncompressed_bytesOfJacksonWriteLogFile() throws IOException {
    CloudTrailLogFiles logs = CloudTrailLogFiles.builder(dir).compressed(false).build();

    Path file =
        logs.write("111122223333", "eu-west-1", Instant.parse("2025-02-03T04:05:06Z"), records());

    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    JSON.writeLogFile(records(), expected);
    assertThat(Files.readAllBytes(file)).isEqualTo(expected.toByteArray());
    assertThat(dir.relativize(file).toString().replace('\\', '/'))
        .matches(
            "AWSLogs/111122223333/CloudTrail/eu-west-1/2025/02/03/"
                + "111122223333_CloudTrail_eu-west-1_20250203T0405Z_[A-Za-z0-9]{16}\\.json");
    assertThat(logs.isCompressed()).isFalse();
    assertThat(logs.root()).isEqualTo(dir);
  }

  @Test
  void write_sameSeed_sameNamesAndOtherSeed_otherNames() {
    Path a = CloudTrailLogFiles.builder(dir.resolve("a")).seed(9).build().write(records());
    Path b = CloudTrailLogFiles.builder(dir.resolve("b")).seed(9).build().write(records());
    Path c = CloudTrailLogFiles.builder(dir.resolve("c")).seed(10).build().write(records());

    assertThat(a.getFileName()).isEqualTo(b.getFileName());
    assertThat(c.getFileName()).isNotEqualTo(a.getFileName());
  }

  @Test
  void write_twiceSameMinute_twoFiles() {
    CloudTrailLogFiles logs = CloudTrailLogFiles.create(dir);

    Path first = logs.write(records());
    Path second = logs.write(records());

    assertThat(first.getParent()).isEqualTo(second.getParent());
    assertThat(first).isNotEqualTo(second);
  }

  @Test
  void write_noRecords_rejected() {
    CloudTrailLogFiles logs = CloudTrailLogFiles.create(dir);

    assertThatThrownBy(() -> logs.write(List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a CloudTrail log file has at least one record");
  }

  @Test
  void writeNdjson_plain_oneCompactRecordPerLine() throws IOException {
    Path file = CloudTrailLogFiles.writeNdjson(dir.resolve("out/records.ndjson"), records());

    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertThat(lines).hasSize(3);
    for (int i = 0; i < 3; i++) {
      assertThat(lines.get(i)).isEqualTo(JSON.writeRecordAsString(records().get(i)));
    }
    assertThat(Files.readString(file, StandardCharsets.UTF_8)).endsWith("}\n");
  }

  @Test
  void writeNdjson_gzName_gzipCompressed() throws IOException {
    Path file = CloudTrailLogFiles.writeNdjson(dir.resolve("records.ndjson.gz"), records());

    String text = new String(gunzip(file), StandardCharsets.UTF_8);
    assertThat(text.lines().map(JSON::readRecord)).containsExactlyElementsOf(records());
  }

  @Test
  void writeLogFile_jsonName_readsBack() throws IOException {
    Path file = CloudTrailLogFiles.writeLogFile(dir.resolve("single.json"), records());

    assertThat(JSON.readLogFile(Files.readAllBytes(file))).isEqualTo(records());
  }
}
