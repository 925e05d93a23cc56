package dev.enclavetrail.parser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.enclavetrail.core.CloudTrailRecord;
import dev.enclavetrail.core.UserIdentity;
import dev.enclavetrail.core.jackson.CloudTrailJackson;
import dev.enclavetrail.core.json.JsonString;
import dev.enclavetrail.testkit.EnclaveMixCorpus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reader against core's Jackson binding, record by record: {@link RecordView#toRecord()}, what
 * {@link RecordView#writeJson} writes (read back by Jackson), and every accessor of the view, over
 * both committed corpora and a generated {@code enclave-mix}.
 */
class ReaderDifferentialTest {

  private static final CloudTrailJackson JACKSON = CloudTrailJackson.create();

  @TempDir Path dir;

  /** Reads {@code files} with the reader and checks every record against Jackson's reading. */
  private static long check(List<Path> files, boolean logFiles) {
    List<CloudTrailRecord> expected = new ArrayList<>();
    for (Path f : files) {
      if (logFiles) {
        expected.addAll(JACKSON.readLogFile(open(f)));
      } else {
        expected.add(JACKSON.readRecord(open(f)));
      }
    }
    List<Long> attested = new ArrayList<>();
    int[] i = {0};
    ReadSummary summary =
        CloudTrailReader.create()
            .read(
                files,
                view -> {
                  CloudTrailRecord want = expected.get(i[0]++);
                  CloudTrailRecord got = view.toRecord();
                  assertThat(got)
                      .as("%s record %d", view.source().name(), view.recordIndex())
                      .isEqualTo(want);
                  assertThat(JACKSON.readRecord(json(view))).isEqualTo(want);
                  assertAccessorsAgree(view, want);
                  if (view.isAttestedKmsRequest()) {
                    attested.add(view.recordIndex());
                  }
                });
    assertThat(i[0]).isEqualTo(expected.size());
    assertThat(summary.delivered()).isEqualTo(expected.size());
    assertThat(summary.rejected()).isZero();
    assertThat(attested)
        .hasSize((int) expected.stream().filter(CloudTrailRecord::isAttestedKmsRequest).count());
    return summary.delivered();
  }

  private static InputStream open(Path f) {
    try {
      InputStream in = Files.newInputStream(f);
      return f.toString().endsWith(".gz") ? new GZIPInputStream(in) : in;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] json(RecordView view) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      view.writeJson(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    byte[] b = out.toByteArray();
    for (byte x : b) {
      assertThat(x).isNotIn((byte) '\n', (byte) '\r');
    }
    return b;
  }

  static void assertAccessorsAgree(RecordView view, CloudTrailRecord r) {
    assertThat(view.eventSource()).isEqualTo(r.eventSource());
    assertThat(view.eventName()).isEqualTo(r.eventName());
    assertThat(view.eventId()).isEqualTo(r.eventId());
    assertThat(view.awsRegion()).isEqualTo(r.awsRegion());
    assertThat(view.eventTime()).isEqualTo(r.eventTime());
    assertThat(view.recipientAccountId()).isEqualTo(r.recipientAccountId());
    assertThat(view.principalArn()).isEqualTo(r.userIdentity().flatMap(UserIdentity::arn));
    assertThat(view.accountId()).isEqualTo(r.userIdentity().flatMap(UserIdentity::accountId));
    assertThat(view.keyId())
        .isEqualTo(
            r.requestParameters().flatMap(p -> p.get("keyId")).map(v -> ((JsonString) v).value()));
    assertThat(view.isKms()).isEqualTo(r.isKms());
    assertThat(view.eventSourceIs(TestData.utf8(r.eventSource().orElse("-"))))
        .isEqualTo(r.eventSource().isPresent());
    assertThat(view.eventNameIs(TestData.utf8(r.eventName().orElse("-"))))
        .isEqualTo(r.eventName().isPresent());
    assertThat(view.eventNameIs(TestData.utf8("NoSuchEvent"))).isFalse();
    assertThat(view.hasRecipient()).isEqualTo(r.attestationRecipient().isPresent());
    assertThat(view.recipient()).isEqualTo(r.attestationRecipient());
    assertThat(view.isAttestedKmsRequest()).isEqualTo(r.isAttestedKmsRequest());
    assertThat(Optional.of(view.source().shape())).isPresent();
  }

  @Test
  void invictus_everyRecordEqualsJacksons() {
    List<Path> files = TestData.jsonFiles(TestData.dir().resolve("invictus-aws"));
    assertThat(files).hasSize(55);

    assertThat(check(files, true)).isEqualTo(2900);
  }

  @Test
  void kmsDocumentationExamples_everyRecordEqualsJacksons() {
    List<Path> files = TestData.jsonFiles(TestData.dir().resolve("kms-doc-examples"));
    assertThat(files).hasSize(4);

    assertThat(check(files, false)).isEqualTo(4);
  }

  @Test
  void enclaveMix_everyRecordEqualsJacksons() {
    EnclaveMixCorpus.Summary corpus =
        EnclaveMixCorpus.builder()
            .targetBytes(6L << 20)
            .recordsPerFile(200, 1500)
            .compressed(true)
            .build()
            .write(dir);

    assertThat(check(corpus.files(), true)).isEqualTo(corpus.records());
    assertThat(corpus.attestedRecords()).isPositive();
  }
}
