/**
 * Runnable examples of EnclaveTrail, and {@link dev.enclavetrail.examples.SampleData}, the
 * generator of the sample log tree committed under {@code examples/data/}.
 */
@NullMarked
package dev.enclavetrail.examples;

import org.jspecify.annotations.NullMarked;
