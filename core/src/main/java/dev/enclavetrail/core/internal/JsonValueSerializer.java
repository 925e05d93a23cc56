package dev.enclavetrail.core.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.enclavetrail.core.json.JsonValue;
import java.io.IOException;

/** Jackson serializer of core's {@link JsonValue}s. */
public final class JsonValueSerializer extends StdSerializer<JsonValue> {

  private static final long serialVersionUID = 1L;

  /** Creates the serializer. */
  public JsonValueSerializer() {
    super(JsonValue.class);
  }

  @Override
  public void serialize(JsonValue value, JsonGenerator gen, SerializerProvider provider)
      throws IOException {
    JacksonJson.write(value, gen);
  }
}
