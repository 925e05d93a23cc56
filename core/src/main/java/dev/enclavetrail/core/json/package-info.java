/**
 * Immutable JSON values that keep what was read: member order, text, exact numbers.
 *
 * <p>Entry points: {@link dev.enclavetrail.core.json.JsonValue} and {@link
 * dev.enclavetrail.core.json.JsonObject#builder()}.
 */
@NullMarked
package dev.enclavetrail.core.json;

import org.jspecify.annotations.NullMarked;
