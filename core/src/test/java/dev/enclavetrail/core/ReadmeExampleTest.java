package dev.enclavetrail.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.enclavetrail.core.jackson.CloudTrailJackson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a log file with core alone, through CloudTrailJackson, as README.md mentions it. */
class ReadmeExampleTest {

  @Test
  void readmeExample_listsEveryAttestedRequest(@TempDir Path dir) throws IOException {
    CloudTrailJackson writer = CloudTrailJackson.create();
    List<CloudTrailRecord> examples =
        TestData.jsonFiles("kms-doc-examples").stream()
            .map(f -> writer.readRecord(TestData.read(f)))
            .toList();
    Path logFile = dir.resolve("log.json");
    try (var out = Files.newOutputStream(logFile)) {
      writer.writeLogFile(examples, out);
    }
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    // --- example starts here ---
    CloudTrailJackson json = CloudTrailJackson.create();
    for (CloudTrailRecord record : json.readLogFile(Files.readAllBytes(logFile))) {
      record
          .attestationRecipient()
          .ifPresent(
              recipient ->
                  out.printf(
                      "%s by enclave %s, image %s%n",
                      record.eventName().orElse("?"),
                      recipient.moduleId().map(ModuleId::text).orElse("?"),
                      recipient.imageDigest().map(Measurement::text).orElse("?")));
    }
    // --- example ends here ---

    assertThat(printed.toString(StandardCharsets.UTF_8).lines())
        .hasSize(4)
        .contains(
            "Decrypt by enclave i-123456789abcde123-enc123456789abcde12, image <AttestationDocument.PCR0>");
  }
}
