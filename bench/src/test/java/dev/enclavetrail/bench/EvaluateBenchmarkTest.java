package dev.enclavetrail.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.enclavetrail.policy.Decision;
import dev.enclavetrail.policy.KmsRequest;
import dev.enclavetrail.testkit.FakeMeasurements;
import dev.enclavetrail.testkit.KmsRecords;
import org.junit.jupiter.api.Test;

/** The evaluate workloads give the right answer, so the benchmark measures correct code. */
class EvaluateBenchmarkTest {

  @Test
  void evaluate_attestedRequestOfTheEnclave_allowed() {
    EvaluateBenchmark b = new EvaluateBenchmark();
    b.setUp();
    assertThat(b.evaluate()).isEqualTo(Decision.Outcome.ALLOWED);
    assertThat(b.evaluateRecord()).isEqualTo(Decision.Outcome.ALLOWED);
    assertThat(b.authorizer.explain(b.request).reason())
        .isEqualTo("allowed by key-policy statement `Enclave`");
  }

  @Test
  void evaluate_otherImageOrNoAttestation_denied() {
    EvaluateBenchmark b = new EvaluateBenchmark();
    b.setUp();
    KmsRequest other =
        KmsRequest.from(
            KmsRecords.decrypt()
                .enclave(
                    FakeMeasurements.forName(
                        "other-image", EvaluateBenchmark.ROLE_ARN, EvaluateBenchmark.INSTANCE_ID),
                    EvaluateBenchmark.INSTANCE_ID)
                .roleName("enclave-app")
                .instanceId(EvaluateBenchmark.INSTANCE_ID)
                .build());
    assertThat(b.authorizer.decide(other)).isEqualTo(Decision.Outcome.IMPLICIT_DENY);
    KmsRequest unattested =
        KmsRequest.from(
            KmsRecords.decrypt()
                .withoutRecipient()
                .roleName("enclave-app")
                .instanceId(EvaluateBenchmark.INSTANCE_ID)
                .build());
    assertThat(b.authorizer.decide(unattested)).isEqualTo(Decision.Outcome.IMPLICIT_DENY);
  }
}
