/**
 * The Jackson binding of the core model: the reference reader and writer of CloudTrail records and
 * log files.
 *
 * <p>Entry point: {@link dev.enclavetrail.core.jackson.CloudTrailJackson}.
 */
@NullMarked
package dev.enclavetrail.core.jackson;

import org.jspecify.annotations.NullMarked;
