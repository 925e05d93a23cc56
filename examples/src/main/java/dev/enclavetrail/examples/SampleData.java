package dev.enclavetrail.examples;

import dev.enclavetrail.testkit.EnclaveMixCorpus;
import java.nio.file.Path;

/**
 * Generates the sample log tree of {@code examples/data/}: a few hundred records in CloudTrail's S3
 * layout, gzip compressed as CloudTrail delivers them, attested requests of all five operations
 * (enclaves, debug-mode enclaves and NitroTPM instances, base64 and hex measurements) among
 * ordinary calls. Same seed, same bytes.
 *
 * <p>{@code SampleDataTest} checks that the committed tree is exactly what this generator writes;
 * to write it anew after changing the generator, run {@code ./mvnw -B -pl examples -am verify
 * -Dexamples.regenerate=true}.
 */
public final class SampleData {

  /** The seed of the committed sample. */
  public static final long SEED = 20261204L;

  private SampleData() {}

  /** Returns the corpus settings of the committed sample. */
  public static EnclaveMixCorpus corpus() {
    return EnclaveMixCorpus.builder()
        .seed(SEED)
        .recordCount(400)
        .recordsPerFile(40, 120)
        .attestedShare(0.3)
        .compressed(true)
        .build();
  }

  /** Writes the sample into the directory given as the only argument. */
  public static void main(String[] args) {
    if (args.length != 1) {
      System.err.println("usage: SampleData DIRECTORY");
      System.exit(2);
    }
    EnclaveMixCorpus.Summary summary = corpus().write(Path.of(args[0]));
    System.out.println(
        summary.files().size()
            + " files, "
            + summary.records()
            + " records, "
            + summary.attestedRecords()
            + " attested");
  }
}
