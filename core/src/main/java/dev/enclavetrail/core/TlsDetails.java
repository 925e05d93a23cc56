package dev.enclavetrail.core;

import dev.enclavetrail.core.json.JsonObject;
import dev.enclavetrail.core.json.JsonString;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The {@code tlsDetails} of a record: TLS version, cipher suite, host header and key exchange of
 * the caller's connection. Absent when an AWS service called on the user's behalf; any member may
 * be missing.
 */
public final class TlsDetails extends JsonBacked {

  private final @Nullable JsonString tlsVersion;
  private final @Nullable JsonString cipherSuite;
  private final @Nullable JsonString clientProvidedHostHeader;
  private final @Nullable JsonString keyExchange;

  private TlsDetails(JsonObject json, String path) {
    super(json);
    Fields f = new Fields(json, path);
    this.tlsVersion = f.jsonString("tlsVersion");
    this.cipherSuite = f.jsonString("cipherSuite");
    this.clientProvidedHostHeader = f.jsonString("clientProvidedHostHeader");
    this.keyExchange = f.jsonString("keyExchange");
  }

  static TlsDetails read(JsonObject json, String path) {
    return new TlsDetails(json, path);
  }

  /** Returns {@code tlsVersion}, for example {@code TLSv1.3}. */
  public Optional<String> tlsVersion() {
    return Fields.text(tlsVersion);
  }

  /** Returns {@code cipherSuite}, for example {@code TLS_AES_128_GCM_SHA256}. */
  public Optional<String> cipherSuite() {
    return Fields.text(cipherSuite);
  }

  /** Returns {@code clientProvidedHostHeader}, for example {@code kms.us-east-1.amazonaws.com}. */
  public Optional<String> clientProvidedHostHeader() {
    return Fields.text(clientProvidedHostHeader);
  }

  /** Returns {@code keyExchange}, for example {@code X25519MLKEM768}. */
  public Optional<String> keyExchange() {
    return Fields.text(keyExchange);
  }
}
