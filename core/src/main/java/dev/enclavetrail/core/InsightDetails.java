package dev.enclavetrail.core;

import dev.enclavetrail.core.json.JsonObject;
import java.util.Optional;

/**
 * The {@code insightDetails} of a CloudTrail Insights event: state ({@code Start} or {@code End}),
 * the API whose call or error rate was unusual, the insight type and its free-form {@code
 * insightContext}.
 */
public final class InsightDetails extends JsonBacked {

  private final Optional<String> state;
  private final Optional<String> eventSource;
  private final Optional<String> eventName;
  private final Optional<String> errorCode;
  private final Optional<String> insightType;
  private final Optional<JsonObject> insightContext;

  private InsightDetails(JsonObject json, String path) {
    super(json);
    Fields f = new Fields(json, path);
    this.state = f.string("state");
    this.eventSource = f.string("eventSource");
    this.eventName = f.string("eventName");
    this.errorCode = f.string("errorCode");
    this.insightType = f.string("insightType");
    this.insightContext = f.object("insightContext");
  }

  static InsightDetails read(JsonObject json, String path) {
    return new InsightDetails(json, path);
  }

  /** Returns {@code state}: {@code Start} or {@code End}. */
  public Optional<String> state() {
    return state;
  }

  /** Returns the {@code eventSource} of the API the insight is about. */
  public Optional<String> eventSource() {
    return eventSource;
  }

  /** Returns the {@code eventName} of the API the insight is about. */
  public Optional<String> eventName() {
    return eventName;
  }

  /** Returns {@code errorCode}, for error-rate insights. */
  public Optional<String> errorCode() {
    return errorCode;
  }

  /** Returns {@code insightType}: {@code ApiCallRateInsight} or {@code ApiErrorRateInsight}. */
  public Optional<String> insightType() {
    return insightType;
  }

  /** Returns {@code insightContext} (statistics and attributions), kept as JSON. */
  public Optional<JsonObject> insightContext() {
    return insightContext;
  }
}
