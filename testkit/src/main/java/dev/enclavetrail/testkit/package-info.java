/**
 * Fixtures for the tests of enclave applications: deterministic measurements, realistic CloudTrail
 * records of attested AWS KMS requests and of other services, log-file writers, the {@code
 * enclave-mix} benchmark corpus, key policies for given measurements, and AssertJ assertions.
 *
 * <p>Entry points: {@link dev.enclavetrail.testkit.FakeMeasurements} (enclave and NitroTPM PCRs,
 * PCR3 and PCR4 computed as AWS does), {@link dev.enclavetrail.testkit.KmsRecords} (Decrypt,
 * DeriveSharedSecret, GenerateDataKey, GenerateDataKeyPair, GenerateRandom, with or without a
 * recipient), {@link dev.enclavetrail.testkit.OtherRecords} and {@link
 * dev.enclavetrail.testkit.Identities} (other services and callers), {@link
 * dev.enclavetrail.testkit.CloudTrailLogFiles} (log files in the S3 layout, NDJSON), {@link
 * dev.enclavetrail.testkit.EnclaveMixCorpus} (the seeded benchmark corpus), {@link
 * dev.enclavetrail.testkit.KeyPolicies} and {@link dev.enclavetrail.testkit.AttestationCondition}
 * (key policies that allow or deny attested requests), and {@link
 * dev.enclavetrail.testkit.EnclaveTrailAssertions} (assertions on records, recipients, policies and
 * decisions).
 *
 * <pre>{@code
 * EnclaveMeasurements image = FakeMeasurements.forName("payments-enclave");
 * CloudTrailRecord record = KmsRecords.decrypt().enclave(image).build();
 * Path file = CloudTrailLogFiles.create(tempDir).write(List.of(record));
 * PolicyDocument policy =
 *     KeyPolicies.builder().allowEnclave(image, AttestedOperation.DECRYPT).build();
 * EnclaveTrailAssertions.assertThat(policy).decisionFor(record).isAllowed();
 * }</pre>
 */
@NullMarked
package dev.enclavetrail.testkit;

import org.jspecify.annotations.NullMarked;
