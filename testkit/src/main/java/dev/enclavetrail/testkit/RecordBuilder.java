package dev.enclavetrail.testkit;

import dev.enclavetrail.core.CloudTrailRecord;
import dev.enclavetrail.core.UserIdentity;
import dev.enclavetrail.core.json.JsonObject;
import dev.enclavetrail.core.json.JsonValue;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * The settings every record builder shares: who called ({@link #identity(UserIdentity)}), when,
 * from where, in which account and region, with which outcome, and the deterministic ids of the
 * event.
 *
 * <p>Everything has a realistic default. {@code eventID} and {@code requestID} are drawn from a
 * random seeded with {@link #seed(long)}, the event name and the event time, so a builder gives the
 * same record in every run; change the seed to get another event. When the identity is an AWS
 * service, or has {@code invokedBy}, the source address and user agent default to that service and
 * the record has no {@code tlsDetails}, as CloudTrail writes such calls. {@link #build()} may be
 * called again after changing settings.
 *
 * @param <B> the concrete builder, returned by every setter
 */
public abstract sealed class RecordBuilder<B extends RecordBuilder<B>>
    permits KmsRecords.Builder, OtherRecords.Builder {

  /** The account of every record unless set: AWS's documentation account. */
  public static final String DEFAULT_ACCOUNT = "111122223333";

  /** The region of every record unless set. */
  public static final String DEFAULT_REGION = "us-west-2";

  /** The {@code eventTime} of every record unless set. */
  public static final Instant DEFAULT_EVENT_TIME = Instant.parse("2025-01-06T10:15:30Z");

  private final String salt;
  String account = DEFAULT_ACCOUNT;
  String region = DEFAULT_REGION;
  Instant eventTime = DEFAULT_EVENT_TIME;
  private long seed;
  private @Nullable UserIdentity identity;
  private @Nullable String sourceIpAddress;
  private @Nullable String userAgent;
  private @Nullable String errorCode;
  private @Nullable String errorMessage;
  private @Nullable String eventId;
  private @Nullable String requestId;
  private @Nullable String eventVersion;
  private @Nullable String vpcEndpointId;
  private boolean tlsDetails = true;
  private @Nullable JsonValue requestParameters;
  private @Nullable JsonValue responseElements;
  private final Map<String, JsonValue> members = new LinkedHashMap<>();

  RecordBuilder(String salt) {
    this.salt = salt;
  }

  abstract B self();

  /**
   * Fills in what the service writes for this event, drawing any random choice from {@code random}.
   */
  abstract void describe(RecordParts parts, SplittableRandom random);

  /** Sets the account of the caller, the key and the trail ({@code recipientAccountId}). */
  public B account(String account) {
    this.account = Objects.requireNonNull(account, "account");
    return self();
  }

  /**
   * Sets {@code awsRegion} (IAM and sign-in events stay in {@code us-east-1}, as AWS logs them).
   */
  public B region(String region) {
    this.region = Objects.requireNonNull(region, "region");
    return self();
  }

  /**
   * Sets {@code eventTime}; fractions of a second are dropped, as CloudTrail writes whole seconds.
   */
  public B eventTime(Instant eventTime) {
    this.eventTime = eventTime.truncatedTo(ChronoUnit.SECONDS);
    return self();
  }

  /** Sets the seed from which {@code eventID}, {@code requestID} and other random details come. */
  public B seed(long seed) {
    this.seed = seed;
    return self();
  }

  /** Sets {@code userIdentity}, the caller; see {@link Identities}. */
  public B identity(UserIdentity identity) {
    this.identity = Objects.requireNonNull(identity, "identity");
    return self();
  }

  /** Sets {@code sourceIPAddress}. */
  public B sourceIpAddress(String address) {
    this.sourceIpAddress = Objects.requireNonNull(address, "address");
    return self();
  }

  /** Sets {@code userAgent}. */
  public B userAgent(String userAgent) {
    this.userAgent = Objects.requireNonNull(userAgent, "userAgent");
    return self();
  }

  /** Sets {@code errorCode}, making the record a failed request, such as {@code AccessDenied}. */
  public B errorCode(String errorCode) {
    this.errorCode = Objects.requireNonNull(errorCode, "errorCode");
    return self();
  }

  /** Sets {@code errorMessage}, written after {@code errorCode}. */
  public B errorMessage(String errorMessage) {
    this.errorMessage = Objects.requireNonNull(errorMessage, "errorMessage");
    return self();
  }

  /** Sets {@code eventID} instead of drawing one. */
  public B eventId(String id) {
    this.eventId = Objects.requireNonNull(id, "id");
    return self();
  }

  /** Sets {@code requestID} instead of drawing one. */
  public B requestId(String id) {
    this.requestId = Objects.requireNonNull(id, "id");
    return self();
  }

  /** Sets {@code eventVersion}, such as {@code 1.05} for records shaped like older AWS examples. */
  public B eventVersion(String eventVersion) {
    this.eventVersion = Objects.requireNonNull(eventVersion, "eventVersion");
    return self();
  }

  /** Sets {@code vpcEndpointId}: the call came through an interface VPC endpoint. */
  public B vpcEndpointId(String vpcEndpointId) {
    this.vpcEndpointId = Objects.requireNonNull(vpcEndpointId, "vpcEndpointId");
    return self();
  }

  /** Leaves out {@code tlsDetails}, as for calls an AWS service makes on the caller's behalf. */
  public B withoutTlsDetails() {
    this.tlsDetails = false;
    return self();
  }

  /** Replaces the {@code requestParameters} the builder would write. */
  public B requestParameters(JsonObject requestParameters) {
    this.requestParameters = Objects.requireNonNull(requestParameters, "requestParameters");
    return self();
  }

  /** Writes {@code "requestParameters": null}, as older AWS examples of GenerateRandom do. */
  public B nullRequestParameters() {
    this.requestParameters = JsonValue.nullValue();
    return self();
  }

  /**
   * Replaces the {@code responseElements} the builder would write ({@code null} for most reads).
   */
  public B responseElements(JsonObject responseElements) {
    this.responseElements = Objects.requireNonNull(responseElements, "responseElements");
    return self();
  }

  /**
   * Sets any top-level member: a member the builder writes keeps its place and takes {@code value};
   * another is added at the end. For fields the builder has no setter for, such as {@code addendum}
   * or {@code annotation}.
   */
  public B member(String name, JsonValue value) {
    members.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
    return self();
  }

  /** Returns the record, its members in the order CloudTrail writes them. */
  public final CloudTrailRecord build() {
    SplittableRandom random =
        new SplittableRandom(Ids.mix(seed, salt + "@" + eventTime.getEpochSecond()));
    RecordParts p = new RecordParts(Identities.iamUser(account, "Alice"));
    describe(p, random);
    UserIdentity who = identity != null ? identity : p.identity;
    Optional<String> service = who.invokedBy();
    String eventIdText = eventId != null ? eventId : Ids.uuid(random);
    String requestIdText =
        requestId != null ? requestId : p.requestId != null ? p.requestId : Ids.uuid(random);

    JsonObject.Builder r = JsonObject.builder();
    r.put("eventVersion", eventVersion != null ? eventVersion : p.eventVersion);
    r.put("userIdentity", who.json());
    r.put("eventTime", eventTime.toString());
    r.put("eventSource", p.eventSource);
    r.put("eventName", p.eventName);
    r.put("awsRegion", p.awsRegion != null ? p.awsRegion : region);
    r.put(
        "sourceIPAddress",
        sourceIpAddress != null ? sourceIpAddress : service.orElse(p.sourceIpAddress));
    r.put("userAgent", userAgent != null ? userAgent : service.orElse(p.userAgent));
    if (errorCode != null) {
      r.put("errorCode", errorCode);
    }
    if (errorMessage != null) {
      r.put("errorMessage", errorMessage);
    }
    r.put("requestParameters", requestParameters != null ? requestParameters : p.requestParameters);
    r.put("responseElements", responseElements != null ? responseElements : p.responseElements);
    if (p.additionalEventData != null) {
      r.put("additionalEventData", p.additionalEventData);
    }
    if (p.hasRequestId) {
      r.put("requestID", requestIdText);
    }
    r.put("eventID", eventIdText);
    r.put("readOnly", p.readOnly);
    if (p.resources != null) {
      r.put("resources", p.resources);
    }
    r.put("eventType", p.eventType);
    r.put("managementEvent", p.managementEvent);
    r.put("recipientAccountId", account);
    if (p.sharedEventId != null) {
      r.put("sharedEventID", p.sharedEventId);
    }
    String endpoint = vpcEndpointId != null ? vpcEndpointId : p.vpcEndpointId;
    if (endpoint != null) {
      r.put("vpcEndpointId", endpoint);
    }
    r.put("eventCategory", p.eventCategory);
    if (tlsDetails && service.isEmpty() && p.tlsHost != null) {
      JsonObject.Builder tls =
          JsonObject.builder()
              .put("tlsVersion", p.tlsVersion)
              .put("cipherSuite", p.cipherSuite)
              .put("clientProvidedHostHeader", p.tlsHost);
      if (p.keyExchange != null) {
        tls.put("keyExchange", p.keyExchange);
      }
      r.put("tlsDetails", tls.build());
    }
    members.forEach(r::set);
    return CloudTrailRecord.of(r.build());
  }
}
