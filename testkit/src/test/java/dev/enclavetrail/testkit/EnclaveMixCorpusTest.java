package dev.enclavetrail.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.enclavetrail.core.AttestationRecipient;
import dev.enclavetrail.core.AttestedOperation;
import dev.enclavetrail.core.CloudTrailRecord;
import dev.enclavetrail.core.Measurement;
import dev.enclavetrail.core.jackson.CloudTrailJackson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnclaveMixCorpusTest {

  private static final CloudTrailJackson JSON = CloudTrailJackson.create();

  @TempDir static Path shared;
  @TempDir Path dir;

  private static EnclaveMixCorpus.Summary summary;
  private static List<CloudTrailRecord> all;
  private static List<Integer> recordsPerFile;

  @BeforeAll
  static void generate() throws IOException {
    summary =
        EnclaveMixCorpus.builder()
            .recordCount(3_000)
            .recordsPerFile(200, 600)
            .build()
            .write(shared);
    all = new ArrayList<>();
    recordsPerFile = new ArrayList<>();
    for (Path file : summary.files()) {
      List<CloudTrailRecord> records = JSON.readLogFile(Files.readAllBytes(file));
      recordsPerFile.add(records.size());
      all.addAll(records);
    }
  }

  private static byte[] bytes(Path file) throws IOException {
    if (!file.toString().endsWith(".gz")) {
      return Files.readAllBytes(file);
    }
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
      return in.readAllBytes();
    }
  }

  @Test
  void write_recordCount_exactlyThatManyRecordsInFilesOfTheRange() {
    assertThat(summary.records()).isEqualTo(3_000);
    assertThat(all).hasSize(3_000);
    assertThat(recordsPerFile.subList(0, recordsPerFile.size() - 1))
        .allSatisfy(n -> assertThat(n).isBetween(200, 600));
    assertThat(recordsPerFile.get(recordsPerFile.size() - 1)).isBetween(1, 600);
  }

  @Test
  void write_summary_countsWhatTheFilesHold() throws IOException {
    long attested = 0;
    long nitroTpm = 0;
    long debug = 0;
    EnumMap<AttestedOperation, Long> byOperation = new EnumMap<>(AttestedOperation.class);
    for (AttestedOperation op : AttestedOperation.values()) {
      byOperation.put(op, 0L);
    }
    TreeMap<String, Long> byImage = new TreeMap<>();
    for (CloudTrailRecord r : all) {
      if (!r.isAttestedKmsRequest()) {
        continue;
      }
      attested++;
      byOperation.merge(r.attestedOperation().orElseThrow(), 1L, Long::sum);
      AttestationRecipient recipient = r.attestationRecipient().orElseThrow();
      if (recipient.type() == AttestationRecipient.Type.NITRO_TPM) {
        nitroTpm++;
      } else {
        byImage.merge(recipient.imageDigest().orElseThrow().hex().orElseThrow(), 1L, Long::sum);
        debug += recipient.isDebugMode() ? 1 : 0;
      }
    }
    long size = 0;
    for (Path file : summary.files()) {
      size += Files.size(file);
    }

    assertThat(summary.attestedRecords()).isEqualTo(attested);
    assertThat(summary.nitroTpmRecords()).isEqualTo(nitroTpm);
    assertThat(summary.debugModeRecords()).isEqualTo(debug);
    assertThat(summary.attestedByOperation()).isEqualTo(byOperation);
    assertThat(summary.attestedByImageDigest()).isEqualTo(byImage);
    assertThat(summary.kmsRecords())
        .isEqualTo(all.stream().filter(CloudTrailRecord::isKms).count());
    assertThat(summary.failedRecords())
        .isEqualTo(all.stream().filter(r -> r.errorCode().isPresent()).count());
    assertThat(summary.uncompressedBytes()).isEqualTo(size);
    assertThat(summary.attestedByEncoding().values().stream().mapToLong(Long::longValue).sum())
        .isEqualTo(attested);
  }

  @Test
  void write_defaults_attestedShareAndEveryKindOfAttestation() {
    double share = (double) summary.attestedRecords() / summary.records();

    assertThat(share).isBetween(0.20, 0.30);
    assertThat(summary.attestedByOperation().values()).allSatisfy(n -> assertThat(n).isPositive());
    assertThat(summary.attestedByEncoding())
        .containsKeys(Measurement.Encoding.BASE64, Measurement.Encoding.HEX);
    assertThat(summary.attestedByEncoding().get(Measurement.Encoding.BASE64))
        .isGreaterThan(summary.attestedByEncoding().get(Measurement.Encoding.HEX));
    assertThat(summary.nitroTpmRecords()).isPositive();
    assertThat(summary.debugModeRecords()).isPositive();
    String zero = "0".repeat(96);
    Set<String> images = new HashSet<>();
    images.add(zero);
    for (String name : EnclaveMixCorpus.ENCLAVE_NAMES) {
      images.add(FakeMeasurements.forName(name).pcr0().text());
    }
    assertThat(summary.attestedByImageDigest().keySet()).isEqualTo(images);
  }

  @Test
  void write_defaults_realisticMixOfServicesAndCallers() {
    Set<String> sources = new HashSet<>();
    Set<String> callers = new HashSet<>();
    Set<String> regions = new HashSet<>();
    for (CloudTrailRecord r : all) {
      sources.add(r.eventSource().orElseThrow());
      callers.add(r.userIdentity().orElseThrow().type().orElseThrow());
      regions.add(r.awsRegion().orElseThrow());
    }

    assertThat(sources)
        .contains(
            "kms.amazonaws.com",
            "s3.amazonaws.com",
            "sts.amazonaws.com",
            "ec2.amazonaws.com",
            "iam.amazonaws.com",
            "ssm.amazonaws.com",
            "secretsmanager.amazonaws.com");
    assertThat(callers)
        .contains(
            "IAMUser",
            "AssumedRole",
            "AWSService",
            "Root",
            "FederatedUser",
            "IdentityCenterUser",
            "WebIdentityUser");
    assertThat(regions).hasSizeGreaterThan(1);
    assertThat(summary.kmsRecords()).isGreaterThan(summary.attestedRecords());
    assertThat(summary.failedRecords()).isPositive();
  }

  @Test
  void write_files_namedAndLaidOutAsCloudTrailDoes() {
    assertThat(summary.files())
        .allSatisfy(
            f ->
                assertThat(shared.relativize(f).toString().replace('\\', '/'))
                    .matches(
                        "AWSLogs/111122223333/CloudTrail/([a-z0-9-]+)/\\d{4}/\\d{2}/\\d{2}/"
                            + "111122223333_CloudTrail_\\1_\\d{8}T\\d{4}Z_[A-Za-z0-9]{16}\\.json"));
  }

  @Test
  void write_sameSeed_byteIdenticalFiles() throws IOException {
    EnclaveMixCorpus corpus =
        EnclaveMixCorpus.builder().seed(7).recordCount(1_200).recordsPerFile(100, 400).build();

    EnclaveMixCorpus.Summary a = corpus.write(dir.resolve("a"));
    EnclaveMixCorpus.Summary b = corpus.write(dir.resolve("b"));

    assertThat(b.files()).hasSameSizeAs(a.files());
    for (int i = 0; i < a.files().size(); i++) {
      assertThat(dir.resolve("b").relativize(b.files().get(i)))
          .isEqualTo(dir.resolve("a").relativize(a.files().get(i)));
      assertThat(Files.readAllBytes(b.files().get(i)))
          .isEqualTo(Files.readAllBytes(a.files().get(i)));
    }
    assertThat(b.attestedByImageDigest()).isEqualTo(a.attestedByImageDigest());
  }

  @Test
  void write_otherSeed_otherContent() throws IOException {
    EnclaveMixCorpus.Summary a =
        EnclaveMixCorpus.builder().seed(1).recordCount(100).build().write(dir.resolve("a"));
    EnclaveMixCorpus.Summary b =
        EnclaveMixCorpus.builder().seed(2).recordCount(100).build().write(dir.resolve("b"));

    assertThat(Files.readAllBytes(b.files().get(0)))
        .isNotEqualTo(Files.readAllBytes(a.files().get(0)));
  }

  @Test
  void write_compressed_sameNamesAndBytesOnceInflated() throws IOException {
    EnclaveMixCorpus.Builder settings =
        EnclaveMixCorpus.builder().seed(11).recordCount(900).recordsPerFile(200, 400);

    EnclaveMixCorpus.Summary plain = settings.build().write(dir.resolve("plain"));
    EnclaveMixCorpus.Summary gz = settings.compressed(true).build().write(dir.resolve("gz"));

    assertThat(gz.files()).hasSameSizeAs(plain.files());
    for (int i = 0; i < plain.files().size(); i++) {
      Path p = plain.files().get(i);
      Path g = gz.files().get(i);
      assertThat(g.getFileName().toString()).isEqualTo(p.getFileName() + ".gz");
      assertThat(bytes(g)).isEqualTo(Files.readAllBytes(p));
      assertThat(Files.size(g)).isLessThan(Files.size(p));
    }
    assertThat(gz.uncompressedBytes()).isEqualTo(plain.uncompressedBytes());
  }

  @Test
  void write_targetBytes_stopsAtTheFileThatReachesIt() throws IOException {
    EnclaveMixCorpus.Summary s =
        EnclaveMixCorpus.builder().targetBytes(400_000).recordsPerFile(50, 100).build().write(dir);

    long last = Files.size(s.files().get(s.files().size() - 1));
    assertThat(s.uncompressedBytes()).isGreaterThanOrEqualTo(400_000);
    assertThat(s.uncompressedBytes() - last).isLessThan(400_000);
  }

  @Test
  void write_noAttestedShare_noAttestedRecords() {
    EnclaveMixCorpus.Summary s =
        EnclaveMixCorpus.builder().attestedShare(0).recordCount(200).build().write(dir);

    assertThat(s.attestedRecords()).isZero();
    assertThat(s.attestedByOperation()).containsOnlyKeys(AttestedOperation.values());
    assertThat(s.attestedByOperation().values()).containsOnly(0L);
    assertThat(s.records()).isEqualTo(200);
  }

  @Test
  void builder_badSettings_rejected() {
    EnclaveMixCorpus.Builder b = EnclaveMixCorpus.builder();

    assertThatThrownBy(() -> b.recordsPerFile(0, 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("records per file must satisfy 1 <= min <= max, not 0 and 5");
    assertThatThrownBy(() -> b.attestedShare(1.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("attested share must be 0 to 1, not 1.5");
    assertThatThrownBy(() -> b.recordCount(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.targetBytes(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void summary_collections_unmodifiableCopies() {
    assertThatThrownBy(() -> summary.files().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> summary.attestedByOperation().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    Map<String, Long> images = summary.attestedByImageDigest();
    assertThatThrownBy(images::clear).isInstanceOf(UnsupportedOperationException.class);
  }
}
