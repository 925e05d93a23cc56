package dev.enclavetrail.cli;

/**
 * Exit statuses of the {@code enclavetrail} command, as DESIGN.md fixes them (sysexits where one
 * fits).
 */
final class ExitCode {

  /** Success. */
  static final int OK = 0;

  /** The command found something: lint findings, audit violations. */
  static final int FINDINGS = 1;

  /** Wrong usage: unknown option, missing argument. */
  static final int USAGE = 2;

  /** Malformed input: a policy, request or record that cannot be read ({@code EX_DATAERR}). */
  static final int MALFORMED = 65;

  /** An input file or directory does not exist ({@code EX_NOINPUT}). */
  static final int NOT_FOUND = 66;

  /** Reading or writing failed ({@code EX_IOERR}). */
  static final int IO_ERROR = 74;

  private ExitCode() {}
}
