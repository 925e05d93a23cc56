package dev.enclavetrail.core;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.enclavetrail.core.internal.RecordDeserializer;
import dev.enclavetrail.core.internal.RecordSerializer;
import dev.enclavetrail.core.json.JsonObject;
import dev.enclavetrail.core.json.JsonString;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One CloudTrail record (an "event"): every top-level field AWS documents, typed, over the JSON
 * object it was read from, which it keeps whole.
 *
 * <p>Fields AWS documents with a type are typed here, leniently where AWS itself varies ({@code
 * readOnly} sent as {@code "true"}, {@code eventVersion} {@code 1.05}, {@code null} objects, {@code
 * resources} entries without {@code type}); a known field of the wrong type is rejected with a
 * {@link CloudTrailFormatException} naming it. Free-form members ({@code requestParameters}, {@code
 * responseElements}, {@code additionalEventData}, {@code serviceEventDetails}, {@code
 * edgeDeviceDetails}, {@code eventContext}) are {@link JsonObject}s. Unknown members, at any depth,
 * are kept: {@link #json()} is the record exactly as read, in its member order, and is what writers
 * write, so reading then writing loses nothing.
 *
 * <p>Instances are immutable and thread-safe. Equality is that of {@link #json()}.
 *
 * <pre>{@code
 * CloudTrailRecord record = CloudTrailJackson.create().readRecord(bytes);
 * if (record.isKms() && record.attestationRecipient().isPresent()) {
 *   ModuleId enclave = record.attestationRecipient().get().moduleId().orElseThrow();
 * }
 * }</pre>
 */
@JsonSerialize(using = RecordSerializer.class)
@JsonDeserialize(using = RecordDeserializer.class)
public final class CloudTrailRecord extends JsonBacked {

  /** The {@code eventSource} of AWS KMS. */
  public static final String KMS_EVENT_SOURCE = "kms.amazonaws.com";

  private final @Nullable EventVersion eventVersion;
  private final @Nullable UserIdentity userIdentity;
  private final @Nullable Instant eventTime;
  private final @Nullable JsonString eventSource;
  private final @Nullable JsonString eventName;
  private final @Nullable JsonString awsRegion;
  private final @Nullable JsonString sourceIpAddress;
  private final @Nullable JsonString userAgent;
  private final @Nullable JsonString errorCode;
  private final @Nullable JsonString errorMessage;
  private final @Nullable JsonObject requestParameters;
  private final @Nullable JsonObject responseElements;
  private final @Nullable JsonObject additionalEventData;
  private final @Nullable JsonString requestId;
  private final @Nullable JsonString eventId;
  private final @Nullable JsonString eventType;
  private final @Nullable JsonString apiVersion;
  private final @Nullable Boolean managementEvent;
  private final @Nullable Boolean readOnly;
  private final List<Resource> resources;
  private final @Nullable JsonString recipientAccountId;
  private final @Nullable JsonObject serviceEventDetails;
  private final @Nullable JsonString sharedEventId;
  private final @Nullable JsonString vpcEndpointId;
  private final @Nullable JsonString vpcEndpointAccountId;
  private final @Nullable JsonString eventCategory;
  private final @Nullable Addendum addendum;
  private final @Nullable Boolean sessionCredentialFromConsole;
  private final @Nullable JsonObject eventContext;
  private final @Nullable JsonObject edgeDeviceDetails;
  private final @Nullable TlsDetails tlsDetails;
  private final @Nullable JsonString annotation;
  private final @Nullable InsightDetails insightDetails;
  private final @Nullable AttestationRecipient attestationRecipient;
  private final @Nullable KmsRequestParameters kmsRequestParameters;

  private CloudTrailRecord(JsonObject json) {
    super(json);
    Fields f = new Fields(json, "");
    this.eventVersion = f.parsedOrNull("eventVersion", EventVersion::parse);
    this.userIdentity = f.objectOrNull("userIdentity", UserIdentity::read);
    this.eventTime = f.instantOrNull("eventTime");
    this.eventSource = f.jsonString("eventSource");
    this.eventName = f.jsonString("eventName");
    this.awsRegion = f.jsonString("awsRegion");
    this.sourceIpAddress = f.jsonString("sourceIPAddress");
    this.userAgent = f.jsonString("userAgent");
    this.errorCode = f.jsonString("errorCode");
    this.errorMessage = f.jsonString("errorMessage");
    this.requestParameters = f.objectOrNull("requestParameters");
    this.responseElements = f.objectOrNull("responseElements");
    this.additionalEventData = f.objectOrNull("additionalEventData");
    this.requestId = f.jsonString("requestID");
    this.eventId = f.jsonString("eventID");
    this.eventType = f.jsonString("eventType");
    this.apiVersion = f.jsonString("apiVersion");
    this.managementEvent = f.boolOrNull("managementEvent");
    this.readOnly = f.boolOrNull("readOnly");
    this.resources = f.objects("resources", Resource::read);
    this.recipientAccountId = f.jsonString("recipientAccountId");
    this.serviceEventDetails = f.objectOrNull("serviceEventDetails");
    this.sharedEventId = f.jsonString("sharedEventID");
    this.vpcEndpointId = f.jsonString("vpcEndpointId");
    this.vpcEndpointAccountId = f.jsonString("vpcEndpointAccountId");
    this.eventCategory = f.jsonString("eventCategory");
    this.addendum = f.objectOrNull("addendum", Addendum::read);
    this.sessionCredentialFromConsole = f.boolOrNull("sessionCredentialFromConsole");
    this.eventContext = f.objectOrNull("eventContext");
    this.edgeDeviceDetails = f.objectOrNull("edgeDeviceDetails");
    this.tlsDetails = f.objectOrNull("tlsDetails", TlsDetails::read);
    this.annotation = f.jsonString("annotation");
    this.insightDetails = f.objectOrNull("insightDetails", InsightDetails::read);
    this.attestationRecipient =
        additionalEventData == null
            ? null
            : AttestationRecipient.fromAdditionalEventData(additionalEventData).orElse(null);
    // Typed KMS members are read now, so that a bad record fails when read.
    this.kmsRequestParameters =
        requestParameters != null && isKms() ? KmsRequestParameters.of(requestParameters) : null;
  }

  /**
   * Reads a record from its JSON object.
   *
   * @throws CloudTrailFormatException if a known field has the wrong type; the message names the
   *     field
   */
  public static CloudTrailRecord of(JsonObject json) {
    return new CloudTrailRecord(json);
  }

  /** Returns {@code eventVersion}, such as {@code 1.08}. */
  public Optional<EventVersion> eventVersion() {
    return Optional.ofNullable(eventVersion);
  }

  /** Returns {@code userIdentity}; Insights events have none. */
  public Optional<UserIdentity> userIdentity() {
    return Optional.ofNullable(userIdentity);
  }

  /** Returns {@code eventTime}, when the request completed (UTC). */
  public Optional<Instant> eventTime() {
    return Optional.ofNullable(eventTime);
  }

  /** Returns {@code eventSource}, such as {@code kms.amazonaws.com}. */
  public Optional<String> eventSource() {
    return Fields.text(eventSource);
  }

  /** Returns {@code eventName}, the API action, such as {@code Decrypt}. */
  public Optional<String> eventName() {
    return Fields.text(eventName);
  }

  /** Returns {@code awsRegion}, such as {@code us-east-2}. */
  public Optional<String> awsRegion() {
    return Fields.text(awsRegion);
  }

  /**
   * Returns {@code sourceIPAddress}: an IP address, a service DNS name, or {@code AWS Internal}.
   */
  public Optional<String> sourceIpAddress() {
    return Fields.text(sourceIpAddress);
  }

  /** Returns {@code userAgent}. */
  public Optional<String> userAgent() {
    return Fields.text(userAgent);
  }

  /** Returns {@code errorCode}, for failed requests. */
  public Optional<String> errorCode() {
    return Fields.text(errorCode);
  }

  /** Returns {@code errorMessage}, for failed requests. */
  public Optional<String> errorMessage() {
    return Fields.text(errorMessage);
  }

  /** Returns {@code requestParameters}; empty when absent or {@code null}. */
  public Optional<JsonObject> requestParameters() {
    return Optional.ofNullable(requestParameters);
  }

  /** Returns {@code responseElements}; empty when absent or {@code null}. */
  public Optional<JsonObject> responseElements() {
    return Optional.ofNullable(responseElements);
  }

  /** Returns {@code additionalEventData}, where KMS puts the attestation {@code recipient}. */
  public Optional<JsonObject> additionalEventData() {
    return Optional.ofNullable(additionalEventData);
  }

  /** Returns {@code requestID}. */
  public Optional<String> requestId() {
    return Fields.text(requestId);
  }

  /** Returns {@code eventID}; duplicates can occur across log files. */
  public Optional<String> eventId() {
    return Fields.text(eventId);
  }

  /** Returns {@code eventType}, such as {@code AwsApiCall} or {@code AwsCloudTrailInsight}. */
  public Optional<String> eventType() {
    return Fields.text(eventType);
  }

  /** Returns {@code apiVersion}. */
  public Optional<String> apiVersion() {
    return Fields.text(apiVersion);
  }

  /** Returns {@code managementEvent}. */
  public Optional<Boolean> managementEvent() {
    return Optional.ofNullable(managementEvent);
  }

  /** Returns {@code readOnly}. */
  public Optional<Boolean> readOnly() {
    return Optional.ofNullable(readOnly);
  }

  /** Returns {@code resources}; empty when absent, {@code null} or {@code []}. */
  public List<Resource> resources() {
    return resources;
  }

  /** Returns {@code recipientAccountId}, the account that received this copy of the event. */
  public Optional<String> recipientAccountId() {
    return Fields.text(recipientAccountId);
  }

  /** Returns {@code serviceEventDetails}. */
  public Optional<JsonObject> serviceEventDetails() {
    return Optional.ofNullable(serviceEventDetails);
  }

  /** Returns {@code sharedEventID}, common to the copies delivered to several accounts. */
  public Optional<String> sharedEventId() {
    return Fields.text(sharedEventId);
  }

  /** Returns {@code vpcEndpointId}. */
  public Optional<String> vpcEndpointId() {
    return Fields.text(vpcEndpointId);
  }

  /** Returns {@code vpcEndpointAccountId}. */
  public Optional<String> vpcEndpointAccountId() {
    return Fields.text(vpcEndpointAccountId);
  }

  /**
   * Returns {@code eventCategory}: {@code Management}, {@code Data}, {@code NetworkActivity} or
   * {@code Insight}.
   */
  public Optional<String> eventCategory() {
    return Fields.text(eventCategory);
  }

  /** Returns {@code addendum}, for late or updated deliveries. */
  public Optional<Addendum> addendum() {
    return Optional.ofNullable(addendum);
  }

  /** Returns {@code sessionCredentialFromConsole} (sent as the string {@code "true"}). */
  public Optional<Boolean> sessionCredentialFromConsole() {
    return Optional.ofNullable(sessionCredentialFromConsole);
  }

  /**
   * Returns {@code eventContext} (CloudTrail Lake enrichment: {@code requestContext}, {@code
   * tagContext}).
   */
  public Optional<JsonObject> eventContext() {
    return Optional.ofNullable(eventContext);
  }

  /** Returns {@code edgeDeviceDetails}. */
  public Optional<JsonObject> edgeDeviceDetails() {
    return Optional.ofNullable(edgeDeviceDetails);
  }

  /** Returns {@code tlsDetails}. */
  public Optional<TlsDetails> tlsDetails() {
    return Optional.ofNullable(tlsDetails);
  }

  /** Returns {@code annotation}. */
  public Optional<String> annotation() {
    return Fields.text(annotation);
  }

  /** Returns {@code insightDetails}, for CloudTrail Insights events. */
  public Optional<InsightDetails> insightDetails() {
    return Optional.ofNullable(insightDetails);
  }

  /** Returns true if {@code eventSource} is {@code kms.amazonaws.com}. */
  public boolean isKms() {
    return eventSource != null && KMS_EVENT_SOURCE.equals(eventSource.value());
  }

  /**
   * Returns the attestation recipient in {@code additionalEventData.recipient}: present only when
   * the request's {@code Recipient} carried a signed attestation document.
   */
  public Optional<AttestationRecipient> attestationRecipient() {
    return Optional.ofNullable(attestationRecipient);
  }

  /** Returns true if this is an AWS KMS call with an attestation recipient. */
  public boolean isAttestedKmsRequest() {
    return isKms() && attestationRecipient != null;
  }

  /**
   * Returns the attested operation, if this is a KMS call to one of the five that accept a
   * recipient.
   */
  public Optional<AttestedOperation> attestedOperation() {
    return isKms() ? eventName().flatMap(AttestedOperation::fromEventName) : Optional.empty();
  }

  /**
   * Returns the typed KMS request parameters, if this is a KMS call whose {@code requestParameters}
   * is an object.
   */
  public Optional<KmsRequestParameters> kmsRequestParameters() {
    return Optional.ofNullable(kmsRequestParameters);
  }
}
