/**
 * Fixtures for the tests of enclave applications: deterministic measurements and realistic
 * CloudTrail records of attested AWS KMS requests and of other services.
 *
 * <p>Entry points: {@link dev.enclavetrail.testkit.FakeMeasurements} (enclave and NitroTPM PCRs,
 * PCR3 and PCR4 computed as AWS does), {@link dev.enclavetrail.testkit.KmsRecords} (Decrypt,
 * DeriveSharedSecret, GenerateDataKey, GenerateDataKeyPair, GenerateRandom, with or without a
 * recipient), {@link dev.enclavetrail.testkit.OtherRecords} and {@link
 * dev.enclavetrail.testkit.Identities} (other services and callers).
 *
 * <pre>{@code
 * EnclaveMeasurements image = FakeMeasurements.forName("payments-enclave");
 * CloudTrailRecord record = KmsRecords.decrypt().enclave(image).build();
 * }</pre>
 */
@NullMarked
package dev.enclavetrail.testkit;

import org.jspecify.annotations.NullMarked;
