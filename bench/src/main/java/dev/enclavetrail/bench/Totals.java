package dev.enclavetrail.bench;

import dev.enclavetrail.core.AttestationRecipient;
import dev.enclavetrail.core.Measurement;
import dev.enclavetrail.core.ModuleId;
import dev.enclavetrail.parser.RecordView;

/**
 * What a scan extracts, folded into counts and a checksum, so that every implementation of the
 * workload can be checked against the others and nothing can be optimised away.
 */
final class Totals {

  long records;
  long attested;
  long checksum;

  void add(String eventSource, String eventName) {
    records++;
    checksum = 31 * checksum + eventSource.hashCode();
    checksum = 31 * checksum + eventName.hashCode();
  }

  void addRecipient(String moduleId, String imageDigest) {
    attested++;
    checksum = 31 * checksum + moduleId.hashCode();
    checksum = 31 * checksum + imageDigest.hashCode();
  }

  /** Folds in what {@code scan} reads of one record. */
  void add(RecordView view) {
    add(view.eventSource().orElse(""), view.eventName().orElse(""));
    if (view.hasRecipient()) {
      AttestationRecipient r = view.recipient().orElseThrow();
      addRecipient(
          r.moduleId().map(ModuleId::text).orElse(""),
          r.imageDigest().map(Measurement::text).orElse(""));
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Totals t
        && t.records == records
        && t.attested == attested
        && t.checksum == checksum;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(checksum);
  }

  @Override
  public String toString() {
    return records + " records, " + attested + " attested, checksum " + checksum;
  }
}
