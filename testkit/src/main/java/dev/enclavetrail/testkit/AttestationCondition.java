package dev.enclavetrail.testkit;

import dev.enclavetrail.core.EnclaveMeasurements;
import dev.enclavetrail.core.Measurement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What an attested key-policy statement requires of the request's attestation document: AWS KMS
 * condition keys ({@code kms:RecipientAttestation:ImageSha384}, {@code …:PCR<n>}, {@code
 * …:NitroTPMPCR<n>}), each with the values it may take, written in lower-case hex as KMS compares
 * them.
 *
 * <p>All keys must match (AND); the values of one key are alternatives (OR). {@link
 * KeyPolicies.Builder#allowAttested(String, AttestationCondition,
 * dev.enclavetrail.core.AttestedOperation...)} writes them under {@code StringEqualsIgnoreCase}, as
 * every AWS example does. Instances are immutable.
 *
 * <pre>{@code
 * EnclaveMeasurements m = FakeMeasurements.forName("payments-enclave");
 * AttestationCondition imageOnly = AttestationCondition.image(m);        // AWS's first example
 * AttestationCondition signed = AttestationCondition.image(m)
 *     .and(AttestationCondition.enclavePcrs(m, 8));                      // and the signing certificate
 * AttestationCondition tpm = AttestationCondition.nitroTpm(FakeMeasurements.nitroTpm("ami"));
 * }</pre>
 */
public final class AttestationCondition {

  /** The condition key of the enclave image digest (PCR0). */
  public static final String IMAGE_SHA384 = "kms:RecipientAttestation:ImageSha384";

  /** The prefix of the condition keys of enclave PCRs; the index follows. */
  public static final String PCR_PREFIX = "kms:RecipientAttestation:PCR";

  /** The prefix of the condition keys of NitroTPM PCRs; the index follows. */
  public static final String NITRO_TPM_PCR_PREFIX = "kms:RecipientAttestation:NitroTPMPCR";

  private static final int MAX_NITRO_TPM_INDEX = 23;

  /** Condition key to its values, in the order they were given. */
  private final Map<String, List<String>> values;

  private AttestationCondition(Map<String, List<String>> values) {
    this.values = Collections.unmodifiableMap(values);
  }

  /**
   * Requires the image digest ({@code kms:RecipientAttestation:ImageSha384}) to be the PCR0 of one
   * of {@code images}.
   *
   * @throws IllegalArgumentException if no image is given
   */
  public static AttestationCondition image(EnclaveMeasurements... images) {
    if (images.length == 0) {
      throw new IllegalArgumentException("an image condition needs at least one image");
    }
    List<String> digests = new ArrayList<>();
    for (EnclaveMeasurements m : images) {
      String digest = hex(m.pcr0(), "PCR0");
      if (!digests.contains(digest)) {
        digests.add(digest);
      }
    }
    Map<String, List<String>> v = new LinkedHashMap<>();
    v.put(IMAGE_SHA384, List.copyOf(digests));
    return new AttestationCondition(v);
  }

  /**
   * Requires each of the enclave PCRs {@code indices} ({@code kms:RecipientAttestation:PCR<n>}) to
   * be that of {@code image}.
   *
   * @throws IllegalArgumentException if no index is given, or {@code image} has no such PCR (it
   *     knows 0, 1, 2, and 3, 4 and 8 when set)
   */
  public static AttestationCondition enclavePcrs(EnclaveMeasurements image, int... indices) {
    Objects.requireNonNull(image, "image");
    if (indices.length == 0) {
      throw new IllegalArgumentException("a PCR condition needs at least one PCR index");
    }
    Map<String, List<String>> v = new LinkedHashMap<>();
    for (int i : indices) {
      Measurement m =
          image
              .pcr(i)
              .orElseThrow(() -> new IllegalArgumentException("the measurements have no PCR" + i));
      v.put(PCR_PREFIX + i, List.of(hex(m, "PCR" + i)));
    }
    return new AttestationCondition(v);
  }

  /**
   * Requires everything {@code image} knows, as the Nitro Enclaves guide's example key policy does:
   * the image digest and PCR0, PCR1, PCR2, and PCR3, PCR4 and PCR8 when set.
   */
  public static AttestationCondition allMeasurements(EnclaveMeasurements image) {
    List<Integer> indices = new ArrayList<>();
    for (int i : new int[] {0, 1, 2, 3, 4, 8}) {
      if (image.pcr(i).isPresent()) {
        indices.add(i);
      }
    }
    return image(image)
        .and(enclavePcrs(image, indices.stream().mapToInt(Integer::intValue).toArray()));
  }

  /**
   * Requires each NitroTPM PCR of {@code pcrs} ({@code kms:RecipientAttestation:NitroTPMPCR<n>}) to
   * have the given value, in order of index; see {@link FakeMeasurements#nitroTpm(String)}.
   *
   * @throws IllegalArgumentException if {@code pcrs} is empty, an index is not 0 to 23, or a value
   *     does not decode to 48 bytes
   */
  public static AttestationCondition nitroTpm(Map<Integer, Measurement> pcrs) {
    if (pcrs.isEmpty()) {
      throw new IllegalArgumentException("a NitroTPM condition needs at least one PCR");
    }
    Map<String, List<String>> v = new LinkedHashMap<>();
    new TreeMap<>(pcrs)
        .forEach(
            (i, m) -> {
              if (i < 0 || i > MAX_NITRO_TPM_INDEX) {
                throw new IllegalArgumentException("NitroTPM PCR index must be 0 to 23, not " + i);
              }
              v.put(NITRO_TPM_PCR_PREFIX + i, List.of(hex(m, "NitroTPM PCR" + i)));
            });
    return new AttestationCondition(v);
  }

  /**
   * Returns a condition that requires both this one and {@code other}.
   *
   * @throws IllegalArgumentException if both name the same condition key
   */
  public AttestationCondition and(AttestationCondition other) {
    Map<String, List<String>> v = new LinkedHashMap<>(values);
    other.values.forEach(
        (key, vs) -> {
          if (v.putIfAbsent(key, vs) != null) {
            throw new IllegalArgumentException("condition key `" + key + "` is required twice");
          }
        });
    return new AttestationCondition(v);
  }

  /** Returns each condition key with the lower-case hex values it may take, in order. */
  public Map<String, List<String>> values() {
    return values;
  }

  @Override
  public String toString() {
    return values.toString();
  }

  private static String hex(Measurement m, String name) {
    return m.hex()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    name
                        + " `"
                        + m.text()
                        + "` is not 48 bytes in hex or base64, so no key policy can compare it"));
  }
}
