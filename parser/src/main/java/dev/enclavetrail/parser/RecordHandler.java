package dev.enclavetrail.parser;

/**
 * Receives each record that {@link CloudTrailReader#read(java.nio.file.Path, RecordHandler)}
 * delivers, as soon as it is read.
 *
 * <p>The {@link RecordView} is valid only until {@link #record(RecordView)} returns: keep what you
 * need with {@link RecordView#toRecord()} or the accessors that return values. A {@link
 * CloudTrailParseException} thrown by the handler (such as one from {@link RecordView#toRecord()}
 * for a field of the wrong type) rejects the record: in lenient mode it is reported and counted as
 * rejected, and reading goes on; in strict mode it ends the read.
 */
@FunctionalInterface
public interface RecordHandler {

  /**
   * Handles one record.
   *
   * @param view the record, valid until this method returns
   */
  void record(RecordView view);
}
