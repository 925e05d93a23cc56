package dev.enclavetrail.core.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.enclavetrail.core.CloudTrailRecord;
import java.io.IOException;

/**
 * Jackson serializer of {@link CloudTrailRecord}: writes the record's JSON object as it was read.
 */
public final class RecordSerializer extends StdSerializer<CloudTrailRecord> {

  private static final long serialVersionUID = 1L;

  /** Creates the serializer; called by Jackson through {@code @JsonSerialize}. */
  public RecordSerializer() {
    super(CloudTrailRecord.class);
  }

  @Override
  public void serialize(CloudTrailRecord value, JsonGenerator gen, SerializerProvider provider)
      throws IOException {
    JacksonJson.write(value.json(), gen);
  }
}
