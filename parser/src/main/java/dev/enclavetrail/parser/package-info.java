/**
 * Reads CloudTrail JSON fast and strictly, without copying the input.
 *
 * <p>Entry points: {@link dev.enclavetrail.parser.CloudTrailParseException}, the one exception this
 * module throws for malformed input. The record reader built on the JSON engine of this package
 * comes next; the engine itself ({@code JsonEngine}, {@code JsonDocument}, {@code JsonOptions}) is
 * package-private.
 */
@NullMarked
package dev.enclavetrail.parser;

import org.jspecify.annotations.NullMarked;
