package dev.enclavetrail.parser;

/**
 * Receives each malformed record (or malformed part of a file) that a lenient {@link
 * CloudTrailReader} skips; reading then goes on with the next record.
 *
 * <p>The exception says where: {@link CloudTrailParseException#file()}, {@link
 * CloudTrailParseException#recordIndex()}, {@link CloudTrailParseException#byteOffset()}, {@link
 * CloudTrailParseException#line()} and {@link CloudTrailParseException#column()}. An exception
 * thrown by the handler ends the read.
 */
@FunctionalInterface
public interface RecordErrorHandler {

  /**
   * Handles one rejected record.
   *
   * @param e what was wrong, and where
   */
  void error(CloudTrailParseException e);
}
