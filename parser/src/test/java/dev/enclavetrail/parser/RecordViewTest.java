package dev.enclavetrail.parser;

import static dev.enclavetrail.parser.TestData.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.enclavetrail.core.CloudTrailRecord;
import dev.enclavetrail.core.ModuleId;
import dev.enclavetrail.core.jackson.CloudTrailJackson;
import dev.enclavetrail.core.json.JsonString;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The record view: accessors, filters, materialisation, compact JSON, lifetime. */
class RecordViewTest {

  private static final CloudTrailJackson JACKSON = CloudTrailJackson.create();

  private static final String ATTESTED =
      "{\"eventVersion\":\"1.08\",\"userIdentity\":{\"type\":\"AssumedRole\",\"arn\":"
          + "\"arn:aws:sts::111122223333:assumed-role/app/i-0abc\",\"accountId\":\"111122223333\"},"
          + "\"eventTime\":\"2025-01-06T10:15:30Z\",\"eventSource\":\"kms.amazonaws.com\","
          + "\"eventName\":\"Decrypt\",\"awsRegion\":\"us-west-2\",\"requestParameters\":{\"keyId\":"
          + "\"arn:aws:kms:us-west-2:111122223333:key/k1\"},\"responseElements\":null,"
          + "\"additionalEventData\":{\"recipient\":{\"attestationDocumentModuleId\":"
          + "\"i-0123456789abcdef0-enc0123456789abcdef\",\"attestationDocumentEnclaveImageDigest\":"
          + "\"bGxs\"}},\"eventID\":\"e-1\",\"recipientAccountId\":\"111122223333\"}";

  /** Runs {@code check} on the view of the only record of {@code json}. */
  private static void withView(String json, Consumer<RecordView> check) {
    int[] n = {0};
    CloudTrailReader.create()
        .read(
            new ByteArrayInputStream(utf8(json)),
            "view.json",
            v -> {
              n[0]++;
              check.accept(v);
            });
    assertThat(n[0]).isEqualTo(1);
  }

  private static String json(RecordView v) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      v.writeJson(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /**
   * The view keeps the strings of fields whose values repeat, and recipients, by their bytes: many
   * distinct values (more than the caches hold, so entries collide and are replaced), each read
   * several times, must each come back exactly, escaped or not.
   */
  @Test
  void cachedValues_matchTheirBytes() {
    StringBuilder json = new StringBuilder("{\"Records\":[");
    List<String> names = new ArrayList<>();
    List<String> modules = new ArrayList<>();
    for (int round = 0; round < 3; round++) {
      for (int i = 0; i < 700; i++) {
        String name = (i % 7 == 0 ? "Op\\u0041" : "Op") + Integer.toString(i * 7919, 36);
        String module = "i-" + i + "-enc" + Integer.toString(i * 104729, 16);
        if (round + i > 0) {
          json.append(',');
        }
        json.append("{\"eventSource\":\"s")
            .append(i % 300)
            .append(".amazonaws.com\",\"eventName\":\"")
            .append(name)
            .append("\",\"additionalEventData\":{\"recipient\":{")
            .append("\"attestationDocumentModuleId\":\"")
            .append(module)
            .append("\"}}}");
        names.add(name.replace("\\u0041", "A"));
        modules.add(module);
      }
    }
    json.append("]}");
    int[] n = {0};
    CloudTrailReader.create()
        .read(
            new ByteArrayInputStream(utf8(json.toString())),
            "cache.json",
            v -> {
              int k = n[0]++;
              assertThat(v.eventSource()).contains("s" + (k % 700 % 300) + ".amazonaws.com");
              assertThat(v.eventName()).contains(names.get(k));
              assertThat(v.recipient().orElseThrow().moduleId().map(ModuleId::text))
                  .contains(modules.get(k));
            });
    assertThat(n[0]).isEqualTo(2100);
  }

  @Test
  void accessors_attestedRecord() {
    withView(
        ATTESTED,
        v -> {
          assertThat(v.isKms()).isTrue();
          assertThat(v.hasRecipient()).isTrue();
          assertThat(v.isAttestedKmsRequest()).isTrue();
          assertThat(v.eventSourceIs(utf8("kms.amazonaws.com"))).isTrue();
          assertThat(v.eventSourceIs(utf8("kms.amazonaws.co"))).isFalse();
          assertThat(v.eventNameIs(utf8("Decrypt"))).isTrue();
          assertThat(v.eventSource()).contains("kms.amazonaws.com");
          assertThat(v.eventName()).contains("Decrypt");
          assertThat(v.eventId()).contains("e-1");
          assertThat(v.awsRegion()).contains("us-west-2");
          assertThat(v.eventTime()).contains(Instant.parse("2025-01-06T10:15:30Z"));
          assertThat(v.principalArn())
              .contains("arn:aws:sts::111122223333:assumed-role/app/i-0abc");
          assertThat(v.accountId()).contains("111122223333");
          assertThat(v.keyId()).contains("arn:aws:kms:us-west-2:111122223333:key/k1");
          assertThat(v.recipientAccountId()).contains("111122223333");
          assertThat(v.recipient().orElseThrow().moduleId().map(ModuleId::text))
              .contains("i-0123456789abcdef0-enc0123456789abcdef");
          assertThat(v.recordIndex()).isZero();
          assertThat(v.byteOffset()).isZero();
          assertThat(v.source().name()).isEqualTo("view.json");
          assertThat(v.toRecord()).isEqualTo(JACKSON.readRecord(ATTESTED));
          assertThat(v).hasToString("RecordView[view.json record 0]");
        });
  }

  @Test
  void accessors_absentAndNullFields_empty() {
    withView(
        "{\"eventSource\":null,\"userIdentity\":null,\"requestParameters\":null,"
            + "\"additionalEventData\":{\"recipient\":null}}",
        v -> {
          assertThat(v.isKms()).isFalse();
          assertThat(v.hasRecipient()).isFalse();
          assertThat(v.eventSource()).isEmpty();
          assertThat(v.eventName()).isEmpty();
          assertThat(v.eventTime()).isEmpty();
          assertThat(v.principalArn()).isEmpty();
          assertThat(v.keyId()).isEmpty();
          assertThat(v.recipient()).isEmpty();
        });
  }

  @Test
  void filters_escapedNamesAndValues_decodedComparison() {
    withView(
        "{\"event\\u0053ource\":\"kms.amazonaws\\u002ecom\",\"eventName\":\"D\\u0065crypt\","
            + "\"additional\\u0045ventData\":{\"recipi\\u0065nt\":{}}}",
        v -> {
          assertThat(v.isKms()).isTrue();
          assertThat(v.eventNameIs(utf8("Decrypt"))).isTrue();
          assertThat(v.hasRecipient()).isTrue();
          assertThat(v.eventSource()).contains("kms.amazonaws.com");
        });
  }

  /**
   * Returns the bytes this thread allocated so far (through reflection: tests are in the module).
   */
  private static long allocatedBytes() {
    try {
      Object threads =
          Class.forName("java.lang.management.ManagementFactory")
              .getMethod("getThreadMXBean")
              .invoke(null);
      Method m =
          Class.forName("com.sun.management.ThreadMXBean")
              .getMethod("getThreadAllocatedBytes", long.class);
      return (long) m.invoke(threads, Thread.currentThread().getId());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void filters_allocateNothing() {
    byte[] kms = utf8("kms.amazonaws.com");
    byte[] decrypt = utf8("Decrypt");
    long[] allocated = {-1};
    withView(
        ATTESTED,
        v -> {
          boolean all = true;
          for (int warm = 0; warm < 20_000; warm++) {
            all &= v.isKms() && v.hasRecipient() && v.eventSourceIs(kms) && v.eventNameIs(decrypt);
          }
          long before = allocatedBytes();
          for (int i = 0; i < 100_000; i++) {
            all &= v.isKms() && v.hasRecipient() && v.eventSourceIs(kms) && v.eventNameIs(decrypt);
          }
          allocated[0] = allocatedBytes() - before;
          assertThat(all).isTrue();
        });

    // A single allocation per call would be at least 1.6 MB; what remains is the measurement's own.
    assertThat(allocated[0]).isLessThan(4096);
  }

  @ParameterizedTest
  @CsvSource({
    "2023-07-10T11:42:36Z, 2023-07-10T11:42:36Z",
    "2024-02-29T23:59:59Z, 2024-02-29T23:59:59Z",
    "1999-12-31T00:00:00Z, 1999-12-31T00:00:00Z",
    "2023-07-10T11:42:36.123Z, 2023-07-10T11:42:36.123Z",
    "2023-07-10T13:42:36+02:00, 2023-07-10T11:42:36Z",
    "20131102T010628Z, 2013-11-02T01:06:28Z",
  })
  void eventTime_formsCoreAccepts(String text, String instant) {
    String json = "{\"eventTime\":\"" + text + "\"}";
    withView(
        json,
        v -> {
          assertThat(v.eventTime()).contains(Instant.parse(instant));
          assertThat(v.eventTime()).isEqualTo(JACKSON.readRecord(json).eventTime());
        });
  }

  @ParameterizedTest
  @CsvSource({"2023-02-30T00:00:00Z", "2023-13-01T00:00:00Z", "2023-07-10T24:00:00Z", "soon"})
  void eventTime_notATime_locatedErrorAsCoreSaysIt(String text) {
    String json = "{\"eventTime\":\"" + text + "\"}";
    withView(
        json,
        v ->
            assertThatThrownBy(v::eventTime)
                .isInstanceOf(CloudTrailParseException.class)
                .hasMessage(
                    "field `eventTime`: expected an ISO 8601 time, found `"
                        + text
                        + "` in view.json record 0 at byte 13 (line 1, column 14)"));
  }

  @Test
  void recipient_notAnObject_locatedErrorAndNoFilterMatch() {
    withView(
        "{\"additionalEventData\":{\"recipient\":\"x\"}}",
        v -> {
          assertThat(v.hasRecipient()).isFalse();
          assertThatThrownBy(v::recipient)
              .hasMessage(
                  "field `additionalEventData.recipient`: expected an object, found the string `x`"
                      + " in view.json record 0 at byte 36 (line 1, column 37)");
          assertThatThrownBy(v::toRecord)
              .isInstanceOf(CloudTrailParseException.class)
              .hasMessageContaining("additionalEventData.recipient")
              .hasMessageEndingWith("at byte 36 (line 1, column 37)");
        });
  }

  @Test
  void toRecord_fieldErrorDeepInside_locatedAtTheField() {
    String json =
        "{\"resources\":[{\"ARN\":\"a\"},\n{\"ARN\":5}],\"userIdentity\":{\"type\":\"IAMUser\"}}";
    withView(
        json,
        v -> {
          CloudTrailParseException e =
              org.assertj.core.api.Assertions.catchThrowableOfType(
                  CloudTrailParseException.class, v::toRecord);
          assertThat(e.field()).contains("resources[1].ARN");
          assertThat(e.line()).isEqualTo(2);
          assertThat(e.column()).isEqualTo(8);
        });
  }

  @Test
  void writeJson_prettyPrintedRecord_oneCompactLineJsonEqual() {
    String pretty =
        "{\n  \"eventName\" : \"Decrypt\",\n  \"n\" : [ 1.50 , -0 , 1e2 ],\n  \"s\" : \"a\\u00e9\\n\","
            + "\n  \"o\" : { }, \"a\" : [ ]\t}";
    withView(
        pretty,
        v -> {
          String line = json(v);
          assertThat(line)
              .isEqualTo(
                  "{\"eventName\":\"Decrypt\",\"n\":[1.50,-0,1e2],\"s\":\"a\\u00e9\\n\",\"o\":{},\"a\":[]}");
          assertThat(JACKSON.readValue(line)).isEqualTo(JACKSON.readValue(pretty));
        });
  }

  @Test
  void lookupEvents_embeddedEscapesAndSurrogates_sameRecordAsJacksonReadsFromTheString() {
    // As written in the file: the record's own escapes are escaped once more, and a lone surrogate
    // escape of the outer string becomes a lone surrogate inside the record's string.
    String file =
        "{\"Events\":[{\"CloudTrailEvent\":\"{\\\"eventName\\\":\\\"x\\\\\\\"y\\\","
            + "\\\"s\\\":\\\"\u00e9\\u20ac\\ud83d\\ude00\\\",\\\"lone\\\":\\\"\\ud800!\\\"}\"}]}";
    String record =
        "{\"eventName\":\"x\\\"y\",\"s\":\"\u00e9\u20ac\ud83d\ude00\",\"lone\":\"\ud800!\"}";
    List<CloudTrailRecord> got = new ArrayList<>();

    Reads r = Reads.of(file, "l.json");
    CloudTrailReader.create()
        .read(new ByteArrayInputStream(utf8(file)), "l.json", v -> got.add(v.toRecord()));

    assertThat(r.errors).isEmpty();
    assertThat(got).containsExactly(JACKSON.readRecord(record));
    assertThat(got.get(0).json().get("lone").orElseThrow()).isEqualTo(new JsonString("\ud800!"));
  }

  @Test
  void lookupEvents_rawControlCharacterInTheEmbeddedRecord_rejected() {
    String file = "{\"Events\":[{\"CloudTrailEvent\":\"{\\\"a\\\":\\\"x\\ty\\\"}\"}]}";

    Reads r = Reads.of(file, "l.json");

    assertThat(r.records).isEmpty();
    assertThat(r.messages())
        .containsExactly(
            "unescaped control character (code 9) in a string (in the `CloudTrailEvent` string) in"
                + " l.json record 0 at byte 41 (line 1, column 42)");
  }

  @Test
  void lifetime_viewUsedAfterItsHandler_illegalState() {
    RecordView[] kept = new RecordView[1];
    CloudTrailReader.create().read(new ByteArrayInputStream(utf8(ATTESTED)), "x", v -> kept[0] = v);

    assertThatThrownBy(kept[0]::isKms)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("valid only until");
    assertThat(kept[0]).hasToString("RecordView[released]");
  }

  @Test
  void lifetime_iteratorReusesOneViewForEveryRecord() {
    String two = ATTESTED + "\n{\"eventName\":\"Second\"}\n";
    try (RecordStream s =
        CloudTrailReader.create().stream(new ByteArrayInputStream(utf8(two)), "two")) {
      RecordView first = s.next();
      assertThat(first.eventName()).contains("Decrypt");
      RecordView second = s.next();
      assertThat(second).isSameAs(first);
      assertThat(first.eventName()).contains("Second");
      assertThat(s.hasNext()).isFalse();
      assertThatThrownBy(first::eventName).isInstanceOf(IllegalStateException.class);
      assertThatThrownBy(s::next).isInstanceOf(java.util.NoSuchElementException.class);
      assertThat(s.summary().delivered()).isEqualTo(2);
    }
  }

  @Test
  void stream_strict_throwsAtTheBadRecordThenEnds() {
    String lines = ATTESTED + "\n{\"eventName\": x}\n" + ATTESTED + "\n";
    RecordStream s = CloudTrailReader.create().stream(new ByteArrayInputStream(utf8(lines)), "s");
    assertThat(s.next().isKms()).isTrue();

    assertThatThrownBy(s::hasNext)
        .isInstanceOf(CloudTrailParseException.class)
        .hasMessageStartingWith(
            "unexpected character `x` (code 120): expected a value in s record 1");
    assertThat(s.hasNext()).isFalse();
    s.close();
  }

  @Test
  void read_handlerCallingReadAgain_independentReads() {
    List<String> outer = new ArrayList<>();
    List<String> inner = new ArrayList<>();
    CloudTrailReader reader = CloudTrailReader.create();
    reader.read(
        new ByteArrayInputStream(utf8(ATTESTED + "\n" + ATTESTED)),
        "outer",
        v -> {
          outer.add(v.eventName().orElseThrow());
          reader.read(
              new ByteArrayInputStream(utf8("{\"eventName\":\"Inner\"}")),
              "inner",
              w -> inner.add(w.eventName().orElseThrow()));
          outer.add(v.source().name());
        });

    assertThat(outer).containsExactly("Decrypt", "outer", "Decrypt", "outer");
    assertThat(inner).containsExactly("Inner", "Inner");
  }
}
