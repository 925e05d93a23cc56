/**
 * Fixtures for the tests of enclave applications.
 *
 * <p>Entry point: {@link dev.enclavetrail.testkit.FakeMeasurements} (enclave and NitroTPM PCRs
 * derived from a name, PCR3 and PCR4 computed as AWS does, debug-mode measurements).
 *
 * <pre>{@code
 * EnclaveMeasurements image = FakeMeasurements.forName("payments-enclave");
 * String imageSha384 = image.pcr0().hex().orElseThrow();
 * }</pre>
 */
@NullMarked
package dev.enclavetrail.testkit;

import org.jspecify.annotations.NullMarked;
