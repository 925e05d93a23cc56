package dev.enclavetrail.core;

import dev.enclavetrail.core.json.JsonObject;
import java.util.Optional;

/**
 * The {@code tlsDetails} of a record: TLS version, cipher suite, host header and key exchange of
 * the caller's connection. Absent when an AWS service called on the user's behalf; any member may
 * be missing.
 */
public final class TlsDetails extends JsonBacked {

  private final Optional<String> tlsVersion;
  private final Optional<String> cipherSuite;
  private final Optional<String> clientProvidedHostHeader;
  private final Optional<String> keyExchange;

  private TlsDetails(JsonObject json, String path) {
    super(json);
    Fields f = new Fields(json, path);
    this.tlsVersion = f.string("tlsVersion");
    this.cipherSuite = f.string("cipherSuite");
    this.clientProvidedHostHeader = f.string("clientProvidedHostHeader");
    this.keyExchange = f.string("keyExchange");
  }

  static TlsDetails read(JsonObject json, String path) {
    return new TlsDetails(json, path);
  }

  /** Returns {@code tlsVersion}, for example {@code TLSv1.3}. */
  public Optional<String> tlsVersion() {
    return tlsVersion;
  }

  /** Returns {@code cipherSuite}, for example {@code TLS_AES_128_GCM_SHA256}. */
  public Optional<String> cipherSuite() {
    return cipherSuite;
  }

  /** Returns {@code clientProvidedHostHeader}, for example {@code kms.us-east-1.amazonaws.com}. */
  public Optional<String> clientProvidedHostHeader() {
    return clientProvidedHostHeader;
  }

  /** Returns {@code keyExchange}, for example {@code X25519MLKEM768}. */
  public Optional<String> keyExchange() {
    return keyExchange;
  }
}
