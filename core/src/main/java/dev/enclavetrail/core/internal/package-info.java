/** Jackson glue of core; not exported, opened to Jackson only. */
@NullMarked
package dev.enclavetrail.core.internal;

import org.jspecify.annotations.NullMarked;
