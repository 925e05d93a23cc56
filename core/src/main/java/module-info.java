/**
 * EnclaveTrail core: the immutable model of CloudTrail records and attestation recipients, and its
 * Jackson binding.
 */
module dev.enclavetrail.core {
  requires transitive com.fasterxml.jackson.databind;
  requires static transitive org.immutables.value.annotations;
  requires static transitive org.jspecify;

  exports dev.enclavetrail.core;
  exports dev.enclavetrail.core.json;
  exports dev.enclavetrail.core.jackson;

  opens dev.enclavetrail.core.internal to
      com.fasterxml.jackson.databind;
}
