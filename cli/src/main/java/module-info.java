/** The {@code enclavetrail} command line. */
module dev.enclavetrail.cli {
  requires dev.enclavetrail.core;
  requires dev.enclavetrail.parser;
  requires dev.enclavetrail.policy;
  requires info.picocli;
  requires static org.jspecify;

  exports dev.enclavetrail.cli;

  opens dev.enclavetrail.cli to
      info.picocli;
}
