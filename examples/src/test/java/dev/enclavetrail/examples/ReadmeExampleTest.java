package dev.enclavetrail.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.enclavetrail.core.AttestationRecipient;
import dev.enclavetrail.core.CloudTrailRecord;
import dev.enclavetrail.core.Measurement;
import dev.enclavetrail.parser.CloudTrailReader;
import dev.enclavetrail.policy.Authorizer;
import dev.enclavetrail.policy.Decision;
import dev.enclavetrail.policy.KmsRequest;
import dev.enclavetrail.policy.PolicyDocument;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The library example of README.md, run as written on the committed sample: which attested requests
 * would {@code examples/key-policy.json} have let through?
 */
class ReadmeExampleTest {

  private static final String RELEASED_IMAGE =
      "14a5576e100243d53858f59d88740ee7da2f0bbab94622bcd759fc44f2490dc4"
          + "de0940e9712f4732b15df25637c71e2d";

  @Test
  void readmeExample_decidesEveryAttestedRequestOfTheSample() throws IOException {
    Path keyPolicyFile = Path.of("key-policy.json");
    Path logs = Path.of("data");
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
    List<CloudTrailRecord> attested = new ArrayList<>();

    // --- README example starts here ---
    PolicyDocument keyPolicy = PolicyDocument.readKeyPolicy(Files.readString(keyPolicyFile));
    Authorizer kms = Authorizer.of(keyPolicy, List.of());
    CloudTrailReader.create()
        .read(
            logs,
            view -> {
              if (view.isAttestedKmsRequest()) { // a byte comparison: nothing decoded yet
                CloudTrailRecord record = view.toRecord();
                Decision decision = kms.explain(KmsRequest.from(record));
                out.printf(
                    "%s %s by %s: %s (%s)%n",
                    view.eventTime().orElseThrow(),
                    view.eventName().orElse("?"),
                    view.principalArn().orElse("?"),
                    decision.outcome().text(),
                    decision.reason());
              }
            });
    // --- README example ends here ---

    CloudTrailReader.create()
        .read(
            logs,
            view -> {
              if (view.isAttestedKmsRequest()) {
                attested.add(view.toRecord());
              }
            });
    List<String> lines = printed.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(lines).hasSize(attested.size()).hasSizeGreaterThan(100);
    // Independently of the evaluator: the key policy lets in exactly the released image's requests
    // for the operations it names, made by the data-processing role.
    for (int i = 0; i < attested.size(); i++) {
      CloudTrailRecord r = attested.get(i);
      boolean expected =
          Set.of("Decrypt", "GenerateDataKey", "DeriveSharedSecret")
                  .contains(r.eventName().orElseThrow())
              && r.userIdentity()
                  .flatMap(u -> u.arn())
                  .orElseThrow()
                  .startsWith("arn:aws:sts::111122223333:assumed-role/data-processing/")
              && r.attestationRecipient()
                  .flatMap(AttestationRecipient::imageDigest)
                  .flatMap(Measurement::hex)
                  .filter(RELEASED_IMAGE::equals)
                  .isPresent();
      assertThat(lines.get(i)).contains(expected ? ": allowed (" : ": implicitDeny (");
    }
    assertThat(lines).anyMatch(l -> l.contains(": allowed ("));
  }
}
