package dev.enclavetrail.core.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import dev.enclavetrail.core.CloudTrailFormatException;
import dev.enclavetrail.core.CloudTrailRecord;
import dev.enclavetrail.core.json.JsonObject;
import dev.enclavetrail.core.json.JsonValue;
import java.io.IOException;

/**
 * Jackson deserializer of {@link CloudTrailRecord}: reads the JSON object, then the typed model
 * over it.
 */
public final class RecordDeserializer extends StdDeserializer<CloudTrailRecord> {

  private static final long serialVersionUID = 1L;

  /** Creates the deserializer; called by Jackson through {@code @JsonDeserialize}. */
  public RecordDeserializer() {
    super(CloudTrailRecord.class);
  }

  @Override
  public CloudTrailRecord deserialize(JsonParser p, DeserializationContext ctxt)
      throws IOException {
    return readRecord(p);
  }

  /**
   * Reads one record starting at the parser's current token.
   *
   * @throws CloudTrailFormatException for malformed JSON, a value that is not an object, or a known
   *     field of the wrong type (located at the record's first byte)
   */
  public static CloudTrailRecord readRecord(JsonParser p) throws IOException {
    if (p.currentToken() == null) {
      p.nextToken();
    }
    JsonLocation start = p.currentTokenLocation();
    JsonValue value = JacksonJson.read(p);
    if (!(value instanceof JsonObject object)) {
      throw JacksonJson.located(
          "expected a CloudTrail record (a JSON object), found " + value.kind().displayName(),
          start);
    }
    try {
      return CloudTrailRecord.of(object);
    } catch (CloudTrailFormatException e) {
      CloudTrailFormatException at = JacksonJson.located(e.reason(), start);
      throw new CloudTrailFormatException(
          e.reason() + " in the record starting",
          e.field().orElse(null),
          at.byteOffset(),
          at.line(),
          at.column(),
          e);
    }
  }
}
