package dev.enclavetrail.testkit;

import dev.enclavetrail.core.UserIdentity;
import dev.enclavetrail.core.json.JsonArray;
import dev.enclavetrail.core.json.JsonObject;
import dev.enclavetrail.core.json.JsonValue;
import org.jspecify.annotations.Nullable;

/**
 * What a record template says about one event before the caller's settings apply: the members a
 * service writes, and the defaults (identity, source address, user agent) of a typical caller.
 */
final class RecordParts {
  String eventVersion = "1.08";
  String eventSource = "";
  String eventName = "";
  @Nullable String awsRegion;
  UserIdentity identity;
  String sourceIpAddress = "192.0.2.0";
  String userAgent = "AWS Internal";
  JsonValue requestParameters = JsonValue.nullValue();
  JsonValue responseElements = JsonValue.nullValue();
  @Nullable JsonObject additionalEventData;
  @Nullable String requestId;
  boolean hasRequestId = true;
  boolean readOnly = true;
  @Nullable JsonArray resources;
  String eventType = "AwsApiCall";
  boolean managementEvent = true;
  String eventCategory = "Management";
  @Nullable String sharedEventId;
  @Nullable String vpcEndpointId;
  @Nullable String tlsHost;
  String tlsVersion = "TLSv1.3";
  String cipherSuite = "TLS_AES_128_GCM_SHA256";
  @Nullable String keyExchange;

  RecordParts(UserIdentity identity) {
    this.identity = identity;
  }
}
