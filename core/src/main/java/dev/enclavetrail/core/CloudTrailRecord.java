package dev.enclavetrail.core;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.enclavetrail.core.internal.RecordDeserializer;
import dev.enclavetrail.core.internal.RecordSerializer;
import dev.enclavetrail.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

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

  private final Optional<EventVersion> eventVersion;
  private final Optional<UserIdentity> userIdentity;
  private final Optional<Instant> eventTime;
  private final Optional<String> eventSource;
  private final Optional<String> eventName;
  private final Optional<String> awsRegion;
  private final Optional<String> sourceIpAddress;
  private final Optional<String> userAgent;
  private final Optional<String> errorCode;
  private final Optional<String> errorMessage;
  private final Optional<JsonObject> requestParameters;
  private final Optional<JsonObject> responseElements;
  private final Optional<JsonObject> additionalEventData;
  private final Optional<String> requestId;
  private final Optional<String> eventId;
  private final Optional<String> eventType;
  private final Optional<String> apiVersion;
  private final Optional<Boolean> managementEvent;
  private final Optional<Boolean> readOnly;
  private final List<Resource> resources;
  private final Optional<String> recipientAccountId;
  private final Optional<JsonObject> serviceEventDetails;
  private final Optional<String> sharedEventId;
  private final Optional<String> vpcEndpointId;
  private final Optional<String> vpcEndpointAccountId;
  private final Optional<String> eventCategory;
  private final Optional<Addendum> addendum;
  private final Optional<Boolean> sessionCredentialFromConsole;
  private final Optional<JsonObject> eventContext;
  private final Optional<JsonObject> edgeDeviceDetails;
  private final Optional<TlsDetails> tlsDetails;
  private final Optional<String> annotation;
  private final Optional<InsightDetails> insightDetails;
  private final Optional<AttestationRecipient> attestationRecipient;
  private final Optional<KmsRequestParameters> kmsRequestParameters;

  private CloudTrailRecord(JsonObject json) {
    super(json);
    Fields f = new Fields(json, "");
    this.eventVersion = f.parsed("eventVersion", EventVersion::parse);
    this.userIdentity = f.object("userIdentity", UserIdentity::read);
    this.eventTime = f.instant("eventTime");
    this.eventSource = f.string("eventSource");
    this.eventName = f.string("eventName");
    this.awsRegion = f.string("awsRegion");
    this.sourceIpAddress = f.string("sourceIPAddress");
    this.userAgent = f.string("userAgent");
    this.errorCode = f.string("errorCode");
    this.errorMessage = f.string("errorMessage");
    this.requestParameters = f.object("requestParameters");
    this.responseElements = f.object("responseElements");
    this.additionalEventData = f.object("additionalEventData");
    this.requestId = f.string("requestID");
    this.eventId = f.string("eventID");
    this.eventType = f.string("eventType");
    this.apiVersion = f.string("apiVersion");
    this.managementEvent = f.bool("managementEvent");
    this.readOnly = f.bool("readOnly");
    this.resources = f.objects("resources", Resource::read);
    this.recipientAccountId = f.string("recipientAccountId");
    this.serviceEventDetails = f.object("serviceEventDetails");
    this.sharedEventId = f.string("sharedEventID");
    this.vpcEndpointId = f.string("vpcEndpointId");
    this.vpcEndpointAccountId = f.string("vpcEndpointAccountId");
    this.eventCategory = f.string("eventCategory");
    this.addendum = f.object("addendum", Addendum::read);
    this.sessionCredentialFromConsole = f.bool("sessionCredentialFromConsole");
    this.eventContext = f.object("eventContext");
    this.edgeDeviceDetails = f.object("edgeDeviceDetails");
    this.tlsDetails = f.object("tlsDetails", TlsDetails::read);
    this.annotation = f.string("annotation");
    this.insightDetails = f.object("insightDetails", InsightDetails::read);
    this.attestationRecipient =
        additionalEventData.flatMap(AttestationRecipient::fromAdditionalEventData);
    // Typed KMS members are read now, so that a bad record fails when read.
    this.kmsRequestParameters =
        isKms() ? requestParameters.map(KmsRequestParameters::of) : Optional.empty();
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
    return eventVersion;
  }

  /** Returns {@code userIdentity}; Insights events have none. */
  public Optional<UserIdentity> userIdentity() {
    return userIdentity;
  }

  /** Returns {@code eventTime}, when the request completed (UTC). */
  public Optional<Instant> eventTime() {
    return eventTime;
  }

  /** Returns {@code eventSource}, such as {@code kms.amazonaws.com}. */
  public Optional<String> eventSource() {
    return eventSource;
  }

  /** Returns {@code eventName}, the API action, such as {@code Decrypt}. */
  public Optional<String> eventName() {
    return eventName;
  }

  /** Returns {@code awsRegion}, such as {@code us-east-2}. */
  public Optional<String> awsRegion() {
    return awsRegion;
  }

  /**
   * Returns {@code sourceIPAddress}: an IP address, a service DNS name, or {@code AWS Internal}.
   */
  public Optional<String> sourceIpAddress() {
    return sourceIpAddress;
  }

  /** Returns {@code userAgent}. */
  public Optional<String> userAgent() {
    return userAgent;
  }

  /** Returns {@code errorCode}, for failed requests. */
  public Optional<String> errorCode() {
    return errorCode;
  }

  /** Returns {@code errorMessage}, for failed requests. */
  public Optional<String> errorMessage() {
    return errorMessage;
  }

  /** Returns {@code requestParameters}; empty when absent or {@code null}. */
  public Optional<JsonObject> requestParameters() {
    return requestParameters;
  }

  /** Returns {@code responseElements}; empty when absent or {@code null}. */
  public Optional<JsonObject> responseElements() {
    return responseElements;
  }

  /** Returns {@code additionalEventData}, where KMS puts the attestation {@code recipient}. */
  public Optional<JsonObject> additionalEventData() {
    return additionalEventData;
  }

  /** Returns {@code requestID}. */
  public Optional<String> requestId() {
    return requestId;
  }

  /** Returns {@code eventID}; duplicates can occur across log files. */
  public Optional<String> eventId() {
    return eventId;
  }

  /** Returns {@code eventType}, such as {@code AwsApiCall} or {@code AwsCloudTrailInsight}. */
  public Optional<String> eventType() {
    return eventType;
  }

  /** Returns {@code apiVersion}. */
  public Optional<String> apiVersion() {
    return apiVersion;
  }

  /** Returns {@code managementEvent}. */
  public Optional<Boolean> managementEvent() {
    return managementEvent;
  }

  /** Returns {@code readOnly}. */
  public Optional<Boolean> readOnly() {
    return readOnly;
  }

  /** Returns {@code resources}; empty when absent, {@code null} or {@code []}. */
  public List<Resource> resources() {
    return resources;
  }

  /** Returns {@code recipientAccountId}, the account that received this copy of the event. */
  public Optional<String> recipientAccountId() {
    return recipientAccountId;
  }

  /** Returns {@code serviceEventDetails}. */
  public Optional<JsonObject> serviceEventDetails() {
    return serviceEventDetails;
  }

  /** Returns {@code sharedEventID}, common to the copies delivered to several accounts. */
  public Optional<String> sharedEventId() {
    return sharedEventId;
  }

  /** Returns {@code vpcEndpointId}. */
  public Optional<String> vpcEndpointId() {
    return vpcEndpointId;
  }

  /** Returns {@code vpcEndpointAccountId}. */
  public Optional<String> vpcEndpointAccountId() {
    return vpcEndpointAccountId;
  }

  /**
   * Returns {@code eventCategory}: {@code Management}, {@code Data}, {@code NetworkActivity} or
   * {@code Insight}.
   */
  public Optional<String> eventCategory() {
    return eventCategory;
  }

  /** Returns {@code addendum}, for late or updated deliveries. */
  public Optional<Addendum> addendum() {
    return addendum;
  }

  /** Returns {@code sessionCredentialFromConsole} (sent as the string {@code "true"}). */
  public Optional<Boolean> sessionCredentialFromConsole() {
    return sessionCredentialFromConsole;
  }

  /**
   * Returns {@code eventContext} (CloudTrail Lake enrichment: {@code requestContext}, {@code
   * tagContext}).
   */
  public Optional<JsonObject> eventContext() {
    return eventContext;
  }

  /** Returns {@code edgeDeviceDetails}. */
  public Optional<JsonObject> edgeDeviceDetails() {
    return edgeDeviceDetails;
  }

  /** Returns {@code tlsDetails}. */
  public Optional<TlsDetails> tlsDetails() {
    return tlsDetails;
  }

  /** Returns {@code annotation}. */
  public Optional<String> annotation() {
    return annotation;
  }

  /** Returns {@code insightDetails}, for CloudTrail Insights events. */
  public Optional<InsightDetails> insightDetails() {
    return insightDetails;
  }

  /** Returns true if {@code eventSource} is {@code kms.amazonaws.com}. */
  public boolean isKms() {
    return eventSource.filter(KMS_EVENT_SOURCE::equals).isPresent();
  }

  /**
   * Returns the attestation recipient in {@code additionalEventData.recipient}: present only when
   * the request's {@code Recipient} carried a signed attestation document.
   */
  public Optional<AttestationRecipient> attestationRecipient() {
    return attestationRecipient;
  }

  /** Returns true if this is an AWS KMS call with an attestation recipient. */
  public boolean isAttestedKmsRequest() {
    return isKms() && attestationRecipient.isPresent();
  }

  /**
   * Returns the attested operation, if this is a KMS call to one of the five that accept a
   * recipient.
   */
  public Optional<AttestedOperation> attestedOperation() {
    return isKms() ? eventName.flatMap(AttestedOperation::fromEventName) : Optional.empty();
  }

  /**
   * Returns the typed KMS request parameters, if this is a KMS call whose {@code requestParameters}
   * is an object.
   */
  public Optional<KmsRequestParameters> kmsRequestParameters() {
    return kmsRequestParameters;
  }
}
