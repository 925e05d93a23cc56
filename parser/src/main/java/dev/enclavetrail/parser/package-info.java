/**
 * Reads CloudTrail logs fast and strictly, in every shape they are delivered in, without Jackson.
 *
 * <p>Entry points: {@link dev.enclavetrail.parser.CloudTrailReader} reads files, directories and
 * streams ({@code {"Records":[...]}} log files, gzip, JSON lines, EventBridge events, {@code
 * lookup-events} output, digest files) and hands each record to a {@link
 * dev.enclavetrail.parser.RecordHandler}, or returns a {@link
 * dev.enclavetrail.parser.RecordStream}; each record is a {@link
 * dev.enclavetrail.parser.RecordView}, a lazy view that filters without allocating and materialises
 * core's {@link dev.enclavetrail.core.CloudTrailRecord} on demand. {@link
 * dev.enclavetrail.parser.CloudTrailParseException} is the one exception for malformed input; a
 * lenient reader hands each one to a {@link dev.enclavetrail.parser.RecordErrorHandler} instead.
 * {@link dev.enclavetrail.parser.ReadSummary} counts what a read saw; {@link
 * dev.enclavetrail.parser.SourceFile} and {@link dev.enclavetrail.parser.DeliveryShape} say where a
 * record came from.
 *
 * <pre>{@code
 * ReadSummary summary = CloudTrailReader.create().read(Path.of("AWSLogs"), view -> {
 *   if (view.isKms() && view.hasRecipient()) {
 *     attested.add(view.toRecord());
 *   }
 * });
 * }</pre>
 *
 * <p>The JSON engine underneath ({@code JsonEngine}, {@code JsonDocument}, {@code JsonOptions}) and
 * the reader's machinery ({@code ReadSession}, {@code ByteSource}) are package-private.
 */
@NullMarked
package dev.enclavetrail.parser;

import org.jspecify.annotations.NullMarked;
