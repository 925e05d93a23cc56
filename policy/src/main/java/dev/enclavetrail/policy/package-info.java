/**
 * AWS KMS key policies and IAM identity policies: read strictly, evaluated as AWS KMS would, with
 * reasons.
 *
 * <p>Entry points: {@link dev.enclavetrail.policy.PolicyDocument#readKeyPolicy(String)}, {@link
 * dev.enclavetrail.policy.KmsRequest} (built, read from JSON, or derived from a CloudTrail record),
 * {@link dev.enclavetrail.policy.Authorizer} and {@link dev.enclavetrail.policy.Decision}.
 */
@NullMarked
package dev.enclavetrail.policy;

import org.jspecify.annotations.NullMarked;
