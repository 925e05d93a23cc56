package dev.enclavetrail.core;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The one Immutables style of EnclaveTrail; value types use it instead of their own
 * {@code @Value.Style}.
 *
 * <ul>
 *   <li>{@code visibility = PACKAGE}, {@code overshadowImplementation = true}: generated {@code
 *       Immutable*} classes are not API; users see the abstract type, its {@code builder()} and its
 *       nested {@code Builder}.
 *   <li>{@code get = {"is*", "get*"}} is not set: accessors are domain nouns without a {@code get}
 *       prefix.
 *   <li>{@code defaults = @Value.Immutable(copy = false)}: values are built, not copied with {@code
 *       with*}.
 *   <li>{@code jdkOnly = true}: generated code uses only the JDK, never Guava.
 * </ul>
 */
@Target({ElementType.TYPE, ElementType.PACKAGE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    overshadowImplementation = true,
    defaults = @Value.Immutable(copy = false),
    jdkOnly = true)
@interface EnclaveTrailStyle {}
