package dev.enclavetrail.core.jackson;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.enclavetrail.core.CloudTrailFormatException;
import dev.enclavetrail.core.CloudTrailRecord;
import dev.enclavetrail.core.internal.JacksonJson;
import dev.enclavetrail.core.internal.JsonValueDeserializer;
import dev.enclavetrail.core.internal.JsonValueSerializer;
import dev.enclavetrail.core.internal.RecordDeserializer;
import dev.enclavetrail.core.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The reference reader and writer of CloudTrail records, built on Jackson's streaming API.
 *
 * <p>Reads one record, a CloudTrail log file ({@code {"Records":[...]}}) or any JSON value,
 * strictly (RFC 8259, duplicate member names rejected), and writes them back: reading then writing
 * gives JSON equal to the input, with the same members in the same order, equal strings and numbers
 * spelled as they were. Errors are {@link CloudTrailFormatException}s with the byte offset, line
 * and column of the problem; a known field of the wrong type is named. Instances are immutable and
 * thread-safe.
 *
 * <p>The parser module is the fast reader; this one is the reference it is tested against, and the
 * binding that makes {@code new ObjectMapper().readValue(bytes, CloudTrailRecord.class)} work.
 *
 * <pre>{@code
 * CloudTrailJackson json = CloudTrailJackson.create();
 * List<CloudTrailRecord> records = json.readLogFile(Files.readAllBytes(path));
 * String line = json.writeRecordAsString(records.get(0));
 * }</pre>
 */
public final class CloudTrailJackson {

  private static final String RECORDS = "Records";

  private final JsonFactory factory;

  private CloudTrailJackson(JsonFactory factory) {
    this.factory = factory;
  }

  /**
   * Returns a reader and writer with Jackson's default limits (nesting depth 1,000, strings of 20
   * MB).
   */
  public static CloudTrailJackson create() {
    return builder().build();
  }

  /** Returns a builder for a reader with other limits. */
  public static Builder builder() {
    return new Builder();
  }

  /** Sets the limits of a {@link CloudTrailJackson}. */
  public static final class Builder {
    private int maxNestingDepth = StreamReadConstraints.DEFAULT_MAX_DEPTH;
    private int maxStringLength = StreamReadConstraints.DEFAULT_MAX_STRING_LEN;

    private Builder() {}

    /** Sets the deepest nesting of arrays and objects accepted. */
    public Builder maxNestingDepth(int depth) {
      this.maxNestingDepth = depth;
      return this;
    }

    /** Sets the longest string accepted, in characters. */
    public Builder maxStringLength(int length) {
      this.maxStringLength = length;
      return this;
    }

    /** Returns the reader and writer. */
    public CloudTrailJackson build() {
      JsonFactory f =
          JsonFactory.builder()
              .streamReadConstraints(
                  StreamReadConstraints.builder()
                      .maxNestingDepth(maxNestingDepth)
                      .maxStringLength(maxStringLength)
                      .build())
              .build();
      return new CloudTrailJackson(f);
    }
  }

  /**
   * Returns a Jackson module that reads and writes {@link JsonValue}s, for users who want core's
   * JSON values in their own {@code ObjectMapper}. {@link CloudTrailRecord} needs no module: it is
   * annotated.
   */
  public static SimpleModule module() {
    SimpleModule m = new SimpleModule("enclavetrail-core");
    m.addSerializer(JsonValue.class, new JsonValueSerializer());
    JsonValueDeserializer.register(m);
    return m;
  }

  // ---- reading ----------------------------------------------------------------------------------

  /** Reads one record from UTF-8 JSON. */
  public CloudTrailRecord readRecord(byte[] json) {
    return read(json, p -> RecordDeserializer.readRecord(p));
  }

  /** Reads one record from JSON text. */
  public CloudTrailRecord readRecord(String json) {
    return read(json, p -> RecordDeserializer.readRecord(p));
  }

  /** Reads one record from a UTF-8 stream, to its end; the stream is not closed. */
  public CloudTrailRecord readRecord(InputStream json) {
    return read(json, p -> RecordDeserializer.readRecord(p));
  }

  /** Reads any JSON value from UTF-8 bytes. */
  public JsonValue readValue(byte[] json) {
    return read(json, JacksonJson::read);
  }

  /** Reads any JSON value from text. */
  public JsonValue readValue(String json) {
    return read(json, JacksonJson::read);
  }

  /** Reads every record of a CloudTrail log file, {@code {"Records":[...]}}. */
  public List<CloudTrailRecord> readLogFile(byte[] logFile) {
    List<CloudTrailRecord> records = new ArrayList<>();
    read(logFile, p -> readRecords(p, records::add));
    return records;
  }

  /** Reads every record of a CloudTrail log file from a UTF-8 stream; the stream is not closed. */
  public List<CloudTrailRecord> readLogFile(InputStream logFile) {
    List<CloudTrailRecord> records = new ArrayList<>();
    forEachRecord(logFile, records::add);
    return records;
  }

  /**
   * Hands each record of a CloudTrail log file to {@code action} as soon as it is read, so memory
   * stays bounded by the largest record; the stream is not closed.
   */
  public void forEachRecord(InputStream logFile, Consumer<? super CloudTrailRecord> action) {
    read(logFile, p -> readRecords(p, action));
  }

  private static Void readRecords(JsonParser p, Consumer<? super CloudTrailRecord> action)
      throws IOException {
    if (p.nextToken() != JsonToken.START_OBJECT) {
      throw JacksonJson.located(
          "expected a CloudTrail log file `{\"Records\":[...]}`", p.currentTokenLocation());
    }
    boolean seen = false;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonLocation at = p.currentTokenLocation();
      JsonToken t = p.nextToken();
      if (!RECORDS.equals(name)) {
        JacksonJson.read(p); // other members are read (and so checked) but hold no records
        continue;
      }
      if (seen) {
        throw JacksonJson.located("duplicate member name `Records`", at);
      }
      seen = true;
      if (t != JsonToken.START_ARRAY) {
        throw JacksonJson.located("`Records` must be an array", p.currentTokenLocation());
      }
      int index = 0;
      while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
        try {
          action.accept(RecordDeserializer.readRecord(p));
        } catch (CloudTrailFormatException e) {
          throw new CloudTrailFormatException(
              "record " + index + ": " + e.reason(),
              e.field().orElse(null),
              e.byteOffset(),
              e.line(),
              e.column(),
              e);
        }
        index++;
      }
    }
    if (!seen) {
      throw JacksonJson.located(
          "expected a CloudTrail log file: no `Records` member", p.currentTokenLocation());
    }
    return null;
  }

  private <T> T read(byte[] json, Reading<T> reading) {
    return read(() -> factory.createParser(json), reading);
  }

  private <T> T read(String json, Reading<T> reading) {
    return read(() -> factory.createParser(json), reading);
  }

  private <T> T read(InputStream json, Reading<T> reading) {
    return read(() -> factory.createParser(json), reading);
  }

  private static <T> T read(ParserSource source, Reading<T> reading) {
    try (JsonParser p = source.open()) {
      try {
        return finish(p, reading.read(p));
      } catch (JsonProcessingException e) {
        throw JacksonJson.translate(e, p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static <T> T finish(JsonParser p, T result) throws IOException {
    if (p.nextToken() != null) {
      throw JacksonJson.located("trailing content after the JSON value", p.currentTokenLocation());
    }
    return result;
  }

  @FunctionalInterface
  private interface ParserSource {
    JsonParser open() throws IOException;
  }

  @FunctionalInterface
  private interface Reading<T> {
    T read(JsonParser p) throws IOException;
  }

  // ---- writing ----------------------------------------------------------------------------------

  /** Writes a record as compact UTF-8 JSON to {@code out}; the stream is not closed. */
  public void writeRecord(CloudTrailRecord record, OutputStream out) {
    writeValue(record.json(), out);
  }

  /** Returns a record as compact UTF-8 JSON. */
  public byte[] writeRecordAsBytes(CloudTrailRecord record) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writeRecord(record, out);
    return out.toByteArray();
  }

  /** Returns a record as compact JSON text. */
  public String writeRecordAsString(CloudTrailRecord record) {
    return new String(writeRecordAsBytes(record), StandardCharsets.UTF_8);
  }

  /** Writes a JSON value as compact UTF-8 JSON to {@code out}; the stream is not closed. */
  public void writeValue(JsonValue value, OutputStream out) {
    try (JsonGenerator g = generator(out)) {
      JacksonJson.write(value, g);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes {@code records} as a CloudTrail log file, {@code {"Records":[...]}}, to {@code out}; the
   * stream is not closed.
   */
  public void writeLogFile(Iterable<CloudTrailRecord> records, OutputStream out) {
    try (JsonGenerator g = generator(out)) {
      g.writeStartObject();
      g.writeFieldName(RECORDS);
      g.writeStartArray();
      for (CloudTrailRecord r : records) {
        JacksonJson.write(r.json(), g);
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private JsonGenerator generator(OutputStream out) throws IOException {
    JsonGenerator g = factory.createGenerator(out);
    g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    return g;
  }
}
