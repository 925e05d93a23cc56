package dev.enclavetrail.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link CloudTrailTime#parse}, and its fast path against {@link DateTimeFormatter}. */
class CloudTrailTimeTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2023-07-10T11:42:36Z",
        "1970-01-01T00:00:00Z",
        "0000-01-01T00:00:00Z",
        "0000-02-29T23:59:59Z",
        "9999-12-31T23:59:59Z",
        "2024-02-29T12:00:00Z",
        "2023-02-29T12:00:00Z",
        "1900-02-29T12:00:00Z",
        "2000-02-29T12:00:00Z",
        "2023-04-31T12:00:00Z",
        "2023-13-01T12:00:00Z",
        "2023-00-01T12:00:00Z",
        "2023-01-00T12:00:00Z",
        "2023-01-01T24:00:00Z",
        "2023-01-01T23:60:00Z",
        "2023-01-01T23:59:60Z",
        "2023-01-01t23:59:59Z",
        "2023-01-01T23:59:59z",
        "2023-01-01T23:59:5xZ",
        "+023-01-01T23:59:59Z",
        "2023-01-01T23:59:59+00:00",
        "2023-01-01T23:59:59.5Z"
      })
  void fastPath_agreesWithTheGeneralParser(String text) {
    Instant fast = CloudTrailTime.parseUtcSeconds(text);
    if (fast != null) {
      assertThat(fast).isEqualTo(general(text));
    }
  }

  @Test
  void fastPath_takesTheCommonForm() {
    assertThat(CloudTrailTime.parseUtcSeconds("2023-07-10T11:42:36Z"))
        .isEqualTo(Instant.parse("2023-07-10T11:42:36Z"));
    assertThat(CloudTrailTime.parseUtcSeconds("2023-07-10T11:42:36.000Z")).isNull();
  }

  @Test
  void fastPath_agreesWithTheGeneralParserOnRandomTimes() {
    Random random = new Random(42);
    for (int i = 0; i < 20_000; i++) {
      String text =
          String.format(
              "%04d-%02d-%02dT%02d:%02d:%02dZ",
              random.nextInt(10_000),
              random.nextInt(14),
              random.nextInt(33),
              random.nextInt(26),
              random.nextInt(62),
              random.nextInt(62));
      Instant fast = CloudTrailTime.parseUtcSeconds(text);
      Instant general = general(text);
      if (fast != null) {
        assertThat(fast).as(text).isEqualTo(general);
      } else {
        assertThat(general).as(text).isNull();
      }
    }
  }

  @Test
  void parse_everyForm_readsTheSameInstant() {
    Instant t = Instant.parse("2013-11-02T01:06:28Z");
    assertThat(CloudTrailTime.parse("2013-11-02T01:06:28Z")).isEqualTo(t);
    assertThat(CloudTrailTime.parse("2013-11-02T01:06:28.000Z")).isEqualTo(t);
    assertThat(CloudTrailTime.parse("2013-11-02T02:06:28+01:00")).isEqualTo(t);
    assertThat(CloudTrailTime.parse("20131102T010628Z")).isEqualTo(t);
  }

  @Test
  void parse_notATime_rejectedWithTheTextQuoted() {
    assertThatThrownBy(() -> CloudTrailTime.parse("2023-02-29T12:00:00Z"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("expected an ISO 8601 time, found `2023-02-29T12:00:00Z`");
    assertThatThrownBy(() -> CloudTrailTime.parse("yesterday\n"))
        .hasMessage("expected an ISO 8601 time, found `yesterday\\u000a`");
  }

  private static @Nullable Instant general(String text) {
    try {
      return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
