package dev.enclavetrail.bench;

import dev.enclavetrail.core.CloudTrailRecord;
import dev.enclavetrail.core.EnclaveMeasurements;
import dev.enclavetrail.policy.Authorizer;
import dev.enclavetrail.policy.Decision;
import dev.enclavetrail.policy.KmsRequest;
import dev.enclavetrail.policy.PolicyDocument;
import dev.enclavetrail.testkit.FakeMeasurements;
import dev.enclavetrail.testkit.KmsRecords;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Key-policy evaluation of an attested request: {@code evaluate} decides a prepared request against
 * one compiled enclave key policy (target ≤ 100 ns, 0 B/op); {@code evaluateRecord} derives the
 * request from a CloudTrail record first, as an audit does (target ≤ 1 µs).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class EvaluateBenchmark {

  static final String ROLE_ARN = "arn:aws:iam::111122223333:role/enclave-app";
  static final String INSTANCE_ID = "i-0abc1234def567890";

  Authorizer authorizer;
  KmsRequest request;
  CloudTrailRecord record;

  /** Compiles the policy and prepares the request and record. */
  @Setup
  public void setUp() {
    EnclaveMeasurements m = FakeMeasurements.forName("payments-enclave", ROLE_ARN, INSTANCE_ID);
    authorizer = Authorizer.of(PolicyDocument.readKeyPolicy(keyPolicy(m)), List.of());
    record =
        KmsRecords.decrypt()
            .enclave(m, INSTANCE_ID)
            .roleName("enclave-app")
            .instanceId(INSTANCE_ID)
            .build();
    request = KmsRequest.from(record);
  }

  /**
   * A typical enclave key policy: administrators without the attested operations, the enclave role
   * with PCRs.
   */
  static String keyPolicy(EnclaveMeasurements m) {
    String pcr0 = m.pcr0().hex().orElseThrow();
    String pcr8 = m.pcr8().flatMap(x -> x.hex()).orElseThrow();
    String pcr3 = m.pcr3().flatMap(x -> x.hex()).orElseThrow();
    return "{\"Version\":\"2012-10-17\",\"Id\":\"enclave-key\",\"Statement\":["
        + "{\"Sid\":\"Administrators\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::111122223333:root\"},"
        + "\"NotAction\":[\"kms:Decrypt\",\"kms:GenerateDataKey*\",\"kms:DeriveSharedSecret\",\"kms:GenerateRandom\"],"
        + "\"Resource\":\"*\"},"
        + "{\"Sid\":\"Enclave\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\""
        + ROLE_ARN
        + "\"},\"Action\":[\"kms:Decrypt\",\"kms:GenerateDataKey\"],\"Resource\":\"*\","
        + "\"Condition\":{\"StringEqualsIgnoreCase\":{\"kms:RecipientAttestation:ImageSha384\":\""
        + pcr0
        + "\",\"kms:RecipientAttestation:PCR3\":\""
        + pcr3
        + "\",\"kms:RecipientAttestation:PCR8\":\""
        + pcr8
        + "\"}}}]}";
  }

  /** Decides the prepared request. */
  @Benchmark
  public Decision.Outcome evaluate() {
    return authorizer.decide(request);
  }

  /** Derives the request from the record, then decides it. */
  @Benchmark
  public Decision.Outcome evaluateRecord() {
    return authorizer.decide(KmsRequest.from(record));
  }
}
