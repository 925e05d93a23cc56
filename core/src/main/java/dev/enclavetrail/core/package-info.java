/**
 * The model of CloudTrail records, with the attested AWS KMS requests of Nitro Enclaves and
 * NitroTPM first.
 *
 * <p>Entry points: {@link dev.enclavetrail.core.CloudTrailRecord} (read one with {@link
 * dev.enclavetrail.core.jackson.CloudTrailJackson}), {@link
 * dev.enclavetrail.core.AttestationRecipient}, {@link dev.enclavetrail.core.Measurement}, {@link
 * dev.enclavetrail.core.ModuleId}, {@link dev.enclavetrail.core.EnclaveMeasurements} and {@link
 * dev.enclavetrail.core.KmsRequestParameters}.
 */
@NullMarked
package dev.enclavetrail.core;

import org.jspecify.annotations.NullMarked;
