package dev.enclavetrail.parser;

/**
 * How the records of one input are packaged, as {@link CloudTrailReader} detects it from the
 * content (never from the file name).
 */
public enum DeliveryShape {
  /** A trail's log file as delivered to S3: {@code {"Records":[ {record}, ... ]}}. */
  LOG_FILE,
  /** One record alone: a JSON object that is not any of the other shapes. */
  RECORD,
  /**
   * JSON lines: one record per line, as {@code jq -c} gives them, or as a CloudWatch Logs export to
   * S3 does, where each line starts with the event's time stamp and a space ({@code
   * 2025-01-06T10:15:31.000Z {"eventVersion":...}}; the time stamp is skipped). Detected when a
   * first record is followed by more values, or from the time stamp.
   */
  NDJSON,
  /**
   * An EventBridge event whose {@code detail-type} is a CloudTrail one ({@code AWS API Call via
   * CloudTrail} and its siblings) and whose {@code detail} is the record; alone or one per line.
   */
  EVENTBRIDGE,
  /**
   * The output of {@code aws cloudtrail lookup-events}: {@code {"Events":[{"CloudTrailEvent":
   * "<record as a JSON string>", ...}]}}; each embedded string is parsed as a record.
   */
  LOOKUP_EVENTS,
  /**
   * A CloudWatch Logs subscription payload, as a Lambda function, a Kinesis stream or Firehose gets
   * it from a trail's log group (once decoded from base64; its gzip is inflated like any other):
   * {@code {"messageType":"DATA_MESSAGE",...,"logEvents":[{"id":...,"timestamp":...,"message":
   * "<record as a JSON string>"}]}}; each {@code message} is parsed as a record. A {@code
   * CONTROL_MESSAGE} holds no records. Payloads one after another, as Firehose writes them to S3,
   * are read in turn.
   */
  CLOUDWATCH_LOGS,
  /**
   * A CloudTrail digest file (log file integrity validation): recognised, counted by {@link
   * ReadSummary#digestFiles()}, and holding no records.
   */
  DIGEST
}
