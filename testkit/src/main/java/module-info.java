/**
 * EnclaveTrail testkit: fixtures for the tests of enclave applications and of EnclaveTrail itself
 * (deterministic measurements, CloudTrail record builders, log-file writers, the enclave-mix
 * corpus).
 */
module dev.enclavetrail.testkit {
  requires transitive dev.enclavetrail.core;
  requires static transitive org.jspecify;

  exports dev.enclavetrail.testkit;
}
