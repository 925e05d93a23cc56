/**
 * EnclaveTrail policy: AWS KMS key policies and IAM identity policies, read strictly and evaluated
 * as AWS KMS would, with reasons.
 */
module dev.enclavetrail.policy {
  requires transitive dev.enclavetrail.core;
  requires com.fasterxml.jackson.core;
  requires static transitive org.jspecify;

  exports dev.enclavetrail.policy;
}
