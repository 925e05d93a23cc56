package dev.enclavetrail.core.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.enclavetrail.core.json.JsonArray;
import dev.enclavetrail.core.json.JsonBoolean;
import dev.enclavetrail.core.json.JsonNull;
import dev.enclavetrail.core.json.JsonNumber;
import dev.enclavetrail.core.json.JsonObject;
import dev.enclavetrail.core.json.JsonString;
import dev.enclavetrail.core.json.JsonValue;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/** Jackson deserializer of core's {@link JsonValue}s, one instance per value type. */
public final class JsonValueDeserializer<T extends JsonValue> extends StdDeserializer<T> {

  private static final long serialVersionUID = 1L;

  private final Class<T> type;

  private JsonValueDeserializer(Class<T> type) {
    super(type);
    this.type = type;
  }

  /** Registers a deserializer for {@link JsonValue} and each of its kinds in {@code module}. */
  public static void register(SimpleModule module) {
    add(module, JsonValue.class);
    add(module, JsonObject.class);
    add(module, JsonArray.class);
    add(module, JsonString.class);
    add(module, JsonNumber.class);
    add(module, JsonBoolean.class);
    add(module, JsonNull.class);
  }

  private static <T extends JsonValue> void add(SimpleModule module, Class<T> type) {
    JsonDeserializer<T> d = new JsonValueDeserializer<>(type);
    module.addDeserializer(type, d);
  }

  @Override
  public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    JsonValue v = JacksonJson.read(p);
    if (!type.isInstance(v)) {
      return type.cast(ctxt.handleUnexpectedToken(type, p));
    }
    return type.cast(v);
  }

  @Override
  public @Nullable T getNullValue(DeserializationContext ctxt) {
    return type.isInstance(JsonNull.INSTANCE) ? type.cast(JsonNull.INSTANCE) : null;
  }
}
