package dev.enclavetrail.parser;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.enclavetrail.core.CloudTrailFormatException;
import dev.enclavetrail.core.CloudTrailRecord;
import dev.enclavetrail.core.jackson.CloudTrailJackson;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Coverage-guided fuzzing of the record reader with Jazzer.
 *
 * <p>In a normal build each method replays its committed seeds from {@code
 * src/test/resources/dev/enclavetrail/parser/CloudTrailReaderFuzzTestInputs/<method>/} as a
 * regression test; {@code JAZZER_FUZZ=1 ./mvnw -pl parser test -Dtest=CloudTrailReaderFuzzTest}
 * fuzzes, and any input that fails is written there: commit it as a new seed.
 */
class CloudTrailReaderFuzzTest {

  private static final CloudTrailJackson JACKSON = CloudTrailJackson.create();

  /** What one read saw: each record's JSON and materialisation, and each error. */
  private record Outcome(
      List<byte[]> json,
      List<@Nullable CloudTrailRecord> records,
      List<String> errors,
      ReadSummary summary) {}

  private static Outcome lenient(byte[] input, CloudTrailReader.Builder builder) {
    return lenient(input, builder, false);
  }

  /** Reads {@code input} leniently as a stream, or in place with {@code inPlace}. */
  private static Outcome lenient(byte[] input, CloudTrailReader.Builder builder, boolean inPlace) {
    List<byte[]> json = new ArrayList<>();
    List<@Nullable CloudTrailRecord> records = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    CloudTrailReader reader =
        builder
            .lenient(
                e -> {
                  assertLocated(e);
                  errors.add(e.getMessage());
                })
            .build();
    RecordHandler handler =
        v -> {
          ByteArrayOutputStream out = new ByteArrayOutputStream();
          try {
            v.writeJson(out);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          json.add(out.toByteArray());
          v.isKms();
          v.hasRecipient();
          CloudTrailRecord record = null;
          try {
            record = v.toRecord();
            assertThat(v.eventSource()).isEqualTo(record.eventSource());
            assertThat(v.eventTime()).isEqualTo(record.eventTime());
            assertThat(v.recipient()).isEqualTo(record.attestationRecipient());
          } catch (CloudTrailParseException e) {
            assertLocated(e);
          }
          records.add(record);
        };
    ReadSummary summary =
        inPlace
            ? reader.read(input, "fuzz", handler)
            : reader.read(new ByteArrayInputStream(input), "fuzz", handler);
    assertThat(summary.seen()).isEqualTo(summary.delivered() + summary.rejected());
    assertThat(errors).hasSize((int) summary.rejected());
    return new Outcome(json, records, errors, summary);
  }

  private static void assertLocated(CloudTrailParseException e) {
    assertThat(e.file()).contains("fuzz");
    assertThat(e.byteOffset()).isNotNegative();
    assertThat(e.line()).isPositive();
    assertThat(e.column()).isPositive();
    assertThat(e.getMessage()).doesNotContain("\n", "\r");
  }

  /**
   * Any bytes are read to the end in lenient mode with the counts adding up, every error located;
   * strict mode stops at the first of those errors; every record delivered writes JSON that Jackson
   * reads as the record's materialisation.
   */
  @FuzzTest(maxDuration = "120s")
  void read_anyBytes_recordsOrLocatedErrors(byte[] input) {
    Outcome lenient = lenient(input, CloudTrailReader.builder().maxRecordSize(1 << 16));

    String strictError = null;
    int[] strictDelivered = {0};
    try {
      CloudTrailReader.builder()
          .maxRecordSize(1 << 16)
          .build()
          .read(new ByteArrayInputStream(input), "fuzz", v -> strictDelivered[0]++);
    } catch (CloudTrailParseException e) {
      strictError = e.getMessage();
    }
    if (lenient.errors().isEmpty()) {
      assertThat(strictError).isNull();
      assertThat(strictDelivered[0]).isEqualTo(lenient.summary().delivered());
    } else {
      assertThat(strictError).isEqualTo(lenient.errors().get(0));
    }
    for (int i = 0; i < lenient.json().size(); i++) {
      CloudTrailRecord record = lenient.records().get(i);
      if (record == null) {
        continue;
      }
      CloudTrailRecord jackson;
      try {
        jackson = JACKSON.readRecord(lenient.json().get(i));
      } catch (CloudTrailFormatException e) {
        // Jackson rejects a lone surrogate escape in a member name, which RFC 8259 allows.
        assertThat(e.reason()).contains("surrogate");
        continue;
      }
      assertThat(jackson).isEqualTo(record);
    }
  }

  /**
   * Reading the bytes in place changes nothing: the same records, errors and counts as reading them
   * as a stream, and the array is left as it was.
   */
  @FuzzTest(maxDuration = "60s")
  void read_anyBytesInPlace_sameAsStreamed(byte[] input) {
    byte[] copy = input.clone();
    Outcome streamed = lenient(input, CloudTrailReader.builder().maxRecordSize(1 << 16));
    Outcome inPlace = lenient(copy, CloudTrailReader.builder().maxRecordSize(1 << 16), true);

    assertThat(copy).isEqualTo(input);
    assertThat(inPlace.json())
        .usingElementComparator(java.util.Arrays::compare)
        .isEqualTo(streamed.json());
    assertThat(inPlace.errors()).isEqualTo(streamed.errors());
    assertThat(inPlace.summary().toString()).isEqualTo(streamed.summary().toString());
  }

  /** Gzip changes nothing: the same records and the same errors as the plain bytes. */
  @FuzzTest(maxDuration = "60s")
  void read_anyBytesGzipped_sameAsPlain(byte[] input) {
    if (input.length >= 2 && (input[0] & 0xFF) == 0x1f && (input[1] & 0xFF) == 0x8b) {
      return; // already gzip: compressing it again would read differently, by design
    }
    Outcome plain = lenient(input, CloudTrailReader.builder().maxRecordSize(1 << 16));
    Outcome gzipped = lenient(Reads.gzip(input), CloudTrailReader.builder().maxRecordSize(1 << 16));

    assertThat(gzipped.json())
        .usingElementComparator(java.util.Arrays::compare)
        .isEqualTo(plain.json());
    assertThat(gzipped.errors()).isEqualTo(plain.errors());
  }
}
