package dev.enclavetrail.parser;

/**
 * The counts of one read: records delivered and rejected, files and digest files read.
 *
 * <p>{@link #seen()} is always {@link #delivered()} + {@link #rejected()}. A rejection is one
 * reported error: a malformed record, or a malformed or truncated part of a file outside any record
 * (such as a broken {@code Records} wrapper or a truncated gzip stream). Immutable.
 */
public final class ReadSummary {

  private final long delivered;
  private final long rejected;
  private final int files;
  private final int digestFiles;

  ReadSummary(long delivered, long rejected, int files, int digestFiles) {
    this.delivered = delivered;
    this.rejected = rejected;
    this.files = files;
    this.digestFiles = digestFiles;
  }

  /** Returns the number of records and errors met: {@code delivered() + rejected()}. */
  public long seen() {
    return delivered + rejected;
  }

  /** Returns the number of records handed to the handler (or returned by the iterator). */
  public long delivered() {
    return delivered;
  }

  /** Returns the number of errors reported (each a rejected record or part of a file). */
  public long rejected() {
    return rejected;
  }

  /** Returns the number of files (or streams) read, digest files included. */
  public int files() {
    return files;
  }

  /** Returns the number of CloudTrail digest files recognised (and skipped). */
  public int digestFiles() {
    return digestFiles;
  }

  @Override
  public String toString() {
    return "ReadSummary[seen="
        + seen()
        + ", delivered="
        + delivered
        + ", rejected="
        + rejected
        + ", files="
        + files
        + ", digestFiles="
        + digestFiles
        + "]";
  }
}
