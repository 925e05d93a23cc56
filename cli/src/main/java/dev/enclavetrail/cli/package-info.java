/**
 * The {@code enclavetrail} command: {@code evaluate} and {@code lint} (and, with the parser, {@code
 * parse} and {@code inventory}).
 *
 * <p>Entry point: {@link dev.enclavetrail.cli.EnclaveTrailCommand#main(String[])}.
 */
@NullMarked
package dev.enclavetrail.cli;

import org.jspecify.annotations.NullMarked;
