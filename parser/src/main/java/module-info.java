/**
 * EnclaveTrail parser: a zero-copy reader of CloudTrail logs, built on a strict RFC 8259 JSON
 * engine of its own (no Jackson).
 *
 * <p>Exports {@code dev.enclavetrail.parser} only; the JSON engine is package-private there.
 */
module dev.enclavetrail.parser {
  requires transitive dev.enclavetrail.core;
  requires static transitive org.jspecify;

  exports dev.enclavetrail.parser;
}
