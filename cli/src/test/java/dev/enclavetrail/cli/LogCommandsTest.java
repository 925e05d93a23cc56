package dev.enclavetrail.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.enclavetrail.core.CloudTrailRecord;
import dev.enclavetrail.core.jackson.CloudTrailJackson;
import dev.enclavetrail.core.json.JsonArray;
import dev.enclavetrail.core.json.JsonObject;
import dev.enclavetrail.core.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code parse}, {@code inventory} and {@code evaluate --events} on the sample log tree and on bad
 * input.
 */
class LogCommandsTest {

  private static final Path SAMPLE = Path.of("../examples/data");
  private static final CloudTrailJackson JSON = CloudTrailJackson.create();

  @TempDir Path dir;

  /** The sample's records as core's reference reader sees them, in file order. */
  private static List<CloudTrailRecord> sampleRecords() throws IOException {
    List<CloudTrailRecord> out = new ArrayList<>();
    try (Stream<Path> files = Files.walk(SAMPLE)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(f))) {
          out.addAll(JSON.readLogFile(in));
        }
      }
    }
    return out;
  }

  @Test
  void parse_sampleTree_everyRecordOneLineJsonEqual() throws IOException {
    CliTest.Run r = CliTest.run("parse", SAMPLE.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    List<String> lines = r.out().lines().toList();
    List<CloudTrailRecord> expected = sampleRecords();
    assertThat(lines).hasSize(expected.size()).hasSize(400);
    for (int i = 0; i < lines.size(); i++) {
      assertThat(JSON.readRecord(lines.get(i))).isEqualTo(expected.get(i));
    }
  }

  @Test
  void parse_attestedOnly_onlyRecordsWithRecipient() throws IOException {
    CliTest.Run r = CliTest.run("parse", "--attested-only", SAMPLE.toString());
    long attested = sampleRecords().stream().filter(CloudTrailRecord::isAttestedKmsRequest).count();
    assertThat(r.out().lines()).hasSize((int) attested);
    assertThat(attested).isPositive();
  }

  @Test
  void parse_malformedRecord_strictStops_lenientCarriesOn() throws IOException {
    Path bad =
        Files.writeString(
            dir.resolve("bad.json"),
            "{\"Records\":[{\"eventName\":\"A\"},\n{\"eventName\":\"B\",,},\n{\"eventName\":\"C\"}]}",
            StandardCharsets.UTF_8);
    CliTest.Run strict = CliTest.run("parse", bad.toString());
    assertThat(strict.exitCode()).isEqualTo(65);
    assertThat(strict.err().lines()).hasSize(1);
    assertThat(strict.err()).startsWith("enclavetrail: ").contains("record 1").contains("line 2");
    CliTest.Run lenient = CliTest.run("parse", "--lenient", bad.toString());
    assertThat(lenient.exitCode()).isEqualTo(65);
    assertThat(lenient.out().lines()).hasSize(2);
    assertThat(lenient.err().lines()).hasSize(1);
  }

  @Test
  void parse_missingPath_exit66() {
    CliTest.Run r = CliTest.run("parse", dir.resolve("absent").toString());
    assertThat(r.exitCode()).isEqualTo(66);
    assertThat(r.err().strip())
        .isEqualTo("enclavetrail: " + dir.resolve("absent") + ": no such file or directory");
  }

  @Test
  void inventory_sampleTree_groupsEnclavesNitroTpmAndDebugMode() throws IOException {
    CliTest.Run table = CliTest.run("inventory", SAMPLE.toString());
    assertThat(table.exitCode()).as(table.err()).isZero();
    assertThat(table.out())
        .contains("enclave")
        .contains("nitrotpm")
        .contains("DEBUG-MODE")
        .contains("Decrypt");
    long attested = sampleRecords().stream().filter(CloudTrailRecord::isAttestedKmsRequest).count();
    assertThat(table.out()).contains(attested + " attested requests in");

    CliTest.Run json = CliTest.run("inventory", "--format", "json", SAMPLE.toString());
    JsonArray rows = (JsonArray) JSON.readValue(json.out());
    long counted = 0;
    for (JsonValue row : rows) {
      JsonObject o = (JsonObject) row;
      counted += o.getNumber("count").orElseThrow().longValueExact();
      if (o.getString("type").orElseThrow().equals("enclave")) {
        assertThat(o.getString("imageSha384").orElseThrow()).matches("[0-9a-f]{96}");
        assertThat(o.getString("parentInstance").orElseThrow()).startsWith("i-");
      }
    }
    assertThat(counted).isEqualTo(attested);

    CliTest.Run csv = CliTest.run("inventory", "--format", "csv", SAMPLE.toString());
    assertThat(csv.out().lines().findFirst())
        .contains(
            "type,moduleId,parentInstance,imageSha384,pcr8,key,operation,principal,count,firstSeen,lastSeen,debugMode");
    assertThat(csv.out().lines()).hasSize(rows.size() + 1);
  }

  @Test
  void evaluateEvents_oneDecisionPerKmsRecord() throws IOException {
    Path key =
        Files.writeString(
            dir.resolve("key.json"),
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"All\",\"Effect\":\"Allow\",\"Principal\":\"*\","
                + "\"Action\":\"kms:*\",\"Resource\":\"*\",\"Condition\":{\"Null\":{"
                + "\"kms:RecipientAttestation:ImageSha384\":\"false\"}}}]}",
            StandardCharsets.UTF_8);
    CliTest.Run r =
        CliTest.run("evaluate", "--key-policy", key.toString(), "--events", SAMPLE.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    List<CloudTrailRecord> kms = sampleRecords().stream().filter(CloudTrailRecord::isKms).toList();
    List<String> lines = r.out().lines().toList();
    assertThat(lines).hasSize(kms.size());
    for (int i = 0; i < lines.size(); i++) {
      JsonObject decision = (JsonObject) JSON.readValue(lines.get(i));
      CloudTrailRecord record = kms.get(i);
      assertThat(decision.getObject("event").orElseThrow().getString("eventID"))
          .isEqualTo(record.eventId());
      // GenerateRandom uses no key: the key policy cannot allow it, whatever the attestation.
      boolean allowed =
          record.attestationRecipient().flatMap(x -> x.imageDigest()).isPresent()
              && !record.eventName().orElseThrow().equals("GenerateRandom");
      assertThat(decision.getString("decision")).contains(allowed ? "allowed" : "implicitDeny");
    }
  }
}
