package dev.enclavetrail.parser;

import static dev.enclavetrail.parser.TestData.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.enclavetrail.core.CloudTrailFormatException;
import dev.enclavetrail.core.jackson.CloudTrailJackson;
import dev.enclavetrail.core.json.JsonValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Conformance with JSONTestSuite: every {@code y_} file accepted, every {@code n_} file rejected,
 * every {@code i_} file as pinned in {@code json-test-suite-i-expectations.txt}; each file both as
 * a whole document and as the value of {@code requestParameters} inside an otherwise valid record.
 */
class JsonTestSuiteTest {

  private static final Path SUITE = TestData.resourceDir("/json-test-suite/test_parsing");

  private static final byte[] RECORD_HEAD =
      utf8(
          """
          {"eventVersion":"1.08","userIdentity":{"type":"AWSService","invokedBy":"kms.amazonaws.com"},\
          "eventTime":"2023-07-10T11:45:00Z","eventSource":"kms.amazonaws.com","eventName":"Decrypt",\
          "awsRegion":"us-east-1","sourceIPAddress":"kms.amazonaws.com","userAgent":"kms.amazonaws.com",\
          "requestParameters":""");

  private static final byte[] RECORD_TAIL =
      utf8(
          """
          ,"responseElements":null,"eventID":"0b2c3c6e-0e0f-4e4b-9f43-7f1c2a3b4c5d","readOnly":true,\
          "eventType":"AwsApiCall","managementEvent":true,"recipientAccountId":"111122223333",\
          "eventCategory":"Management"}""");

  /** The {@code y_} files whose objects repeat a member name, which a JsonObject cannot hold. */
  private static final Set<String> REPEATED_NAMES =
      Set.of("y_object_duplicated_key.json", "y_object_duplicated_key_and_value.json");

  private final JsonEngine engine = JsonEngine.create();

  static Stream<String> files(String prefix) {
    try (Stream<Path> files = Files.list(SUITE)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.startsWith(prefix))
          .sorted()
          .toList()
          .stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Stream<String> yFiles() {
    return files("y_");
  }

  static Stream<String> nFiles() {
    return files("n_");
  }

  static Stream<Arguments> iExpectations() {
    return expectations().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .map(e -> Arguments.of(e.getKey(), e.getValue()[0], e.getValue()[1]));
  }

  private static Map<String, String[]> expectations() {
    return TestData.caseLines("/json-test-suite-i-expectations.txt").stream()
        .map(l -> l.split("\t", -1))
        .collect(Collectors.toMap(f -> f[0], f -> new String[] {f[1], f[2]}));
  }

  private static byte[] read(String name) {
    return TestData.read(SUITE.resolve(name));
  }

  /** Returns {@code value} placed as the value of {@code requestParameters} in a valid record. */
  private static byte[] embed(byte[] value) {
    byte[] record = new byte[RECORD_HEAD.length + value.length + RECORD_TAIL.length];
    System.arraycopy(RECORD_HEAD, 0, record, 0, RECORD_HEAD.length);
    System.arraycopy(value, 0, record, RECORD_HEAD.length, value.length);
    System.arraycopy(RECORD_TAIL, 0, record, RECORD_HEAD.length + value.length, RECORD_TAIL.length);
    return record;
  }

  /** Parses and materialises {@code json}; returns the first exception, or null. */
  private CloudTrailParseException readFully(byte[] json, Function<JsonDocument, Integer> value) {
    return catchThrowableOfType(
        CloudTrailParseException.class,
        () -> {
          JsonDocument doc = engine.parse(json);
          doc.toJsonValue(value.apply(doc));
        });
  }

  private static int requestParameters(JsonDocument doc) {
    return doc.member(doc.root(), utf8("requestParameters"));
  }

  @Test
  void suite_hasEveryFile() {
    assertThat(yFiles()).hasSize(95);
    assertThat(nFiles()).hasSize(188);
    assertThat(files("i_")).hasSize(35);
    assertThat(expectations().keySet()).containsExactlyInAnyOrderElementsOf(files("i_").toList());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("yFiles")
  void yFile_wholeAndEmbedded_accepted(String name) {
    byte[] json = read(name);

    JsonDocument whole = engine.parse(json);
    JsonValue value = REPEATED_NAMES.contains(name) ? null : whole.toJsonValue();
    JsonDocument record = engine.parse(embed(json));

    int parameters = requestParameters(record);
    assertThat(parameters).isPositive();
    assertThat(record.byteOffset(parameters)).isGreaterThanOrEqualTo(RECORD_HEAD.length);
    assertThat(record.endOffset(parameters)).isLessThanOrEqualTo(RECORD_HEAD.length + json.length);
    assertThat(
            record.stringEquals(
                record.member(record.root(), utf8("eventCategory")), utf8("Management")))
        .isTrue();
    if (value != null) {
      assertThat(record.toJsonValue(parameters)).isEqualTo(value);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("yFiles")
  void yFile_materialised_equalsCoreJacksonReader(String name) {
    byte[] json = read(name);
    JsonDocument doc = engine.parse(json);

    if (REPEATED_NAMES.contains(name)) {
      CloudTrailParseException e =
          catchThrowableOfType(CloudTrailParseException.class, doc::toJsonValue);
      assertThat(e.reason()).isEqualTo("duplicate member name `a`");
      assertThat(
              catchThrowableOfType(
                      CloudTrailFormatException.class,
                      () -> CloudTrailJackson.create().readValue(json))
                  .reason())
          .isEqualTo("duplicate member name `a`");
    } else {
      assertThat(doc.toJsonValue()).isEqualTo(CloudTrailJackson.create().readValue(json));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("nFiles")
  void nFile_wholeAndEmbedded_rejectedWithOffset(String name) {
    byte[] json = read(name);

    CloudTrailParseException whole =
        catchThrowableOfType(CloudTrailParseException.class, () -> engine.parse(json));
    CloudTrailParseException embedded =
        catchThrowableOfType(CloudTrailParseException.class, () -> engine.parse(embed(json)));

    assertThat(whole).as("whole %s", name).isNotNull();
    assertThat(whole.byteOffset()).isBetween(0L, (long) json.length);
    assertThat(whole.line()).isPositive();
    assertThat(embedded).as("embedded %s", name).isNotNull();
    // The record before the value is valid, so the first error cannot be in it.
    assertThat(embedded.byteOffset()).isGreaterThanOrEqualTo(RECORD_HEAD.length);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("iExpectations")
  void iFile_wholeAndEmbedded_asPinned(String name, String verdict, String reason) {
    byte[] json = read(name);

    CloudTrailParseException whole = readFully(json, JsonDocument::root);
    CloudTrailParseException embedded =
        readFully(embed(json), JsonTestSuiteTest::requestParameters);

    assertThat(verdict).isIn("accepted", "rejected");
    if (verdict.equals("accepted")) {
      assertThat(whole).as("whole %s", name).isNull();
      assertThat(embedded).as("embedded %s", name).isNull();
      return;
    }
    assertThat(whole).as("whole %s", name).isNotNull();
    assertThat(embedded).as("embedded %s", name).isNotNull();
    assertThat(embedded.byteOffset() - RECORD_HEAD.length).isEqualTo(whole.byteOffset());
    assertThat(reason).matches("(parse|toJsonValue): .*");
    if (reason.startsWith("toJsonValue:")) {
      assertThatCode(() -> engine.parse(json)).doesNotThrowAnyException();
    } else {
      assertThat(catchThrowableOfType(CloudTrailParseException.class, () -> engine.parse(json)))
          .isNotNull();
    }
  }

  @Test
  void iFiles_verdictCounts() {
    List<String> verdicts = expectations().values().stream().map(v -> v[0]).toList();

    assertThat(verdicts.stream().filter("accepted"::equals).count()).isEqualTo(20);
    assertThat(verdicts.stream().filter("rejected"::equals).count()).isEqualTo(15);
  }
}
