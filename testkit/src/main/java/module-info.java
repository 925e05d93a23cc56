/**
 * EnclaveTrail testkit: fixtures for the tests of enclave applications and of EnclaveTrail itself
 * (deterministic measurements, CloudTrail record builders, log-file writers, the enclave-mix
 * corpus, key-policy builders) and AssertJ assertions on records and policy decisions.
 */
module dev.enclavetrail.testkit {
  requires transitive dev.enclavetrail.core;
  requires transitive dev.enclavetrail.policy;
  requires transitive org.assertj.core;
  requires static transitive org.jspecify;

  exports dev.enclavetrail.testkit;
}
