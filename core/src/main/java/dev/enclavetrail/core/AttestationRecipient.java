package dev.enclavetrail.core;

import dev.enclavetrail.core.json.JsonObject;
import dev.enclavetrail.core.json.JsonValue;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The {@code additionalEventData.recipient} of an attested AWS KMS request: the module id, image
 * digest and PCRs that KMS copied from the request's attestation document.
 *
 * <p>Enclave PCRs come from {@code attestationDocumentEnclavePCR<n>}, NitroTPM PCRs from {@code
 * attestationDocumentNitroTPMPCR<n>}; every index 0–31 that appears is kept, not only those in AWS
 * examples. The image digest ({@code attestationDocumentEnclaveImageDigest}) is PCR0; the log has
 * no {@code attestationDocumentEnclavePCR0}. Members this class does not know are kept in {@link
 * #json()}.
 *
 * <pre>{@code
 * AttestationRecipient recipient = record.attestationRecipient().orElseThrow();
 * String image = recipient.imageDigest().flatMap(Measurement::hex).orElse("?");
 * boolean debug = recipient.isDebugMode();
 * }</pre>
 */
public final class AttestationRecipient extends JsonBacked {

  /** Name of the module id member. */
  public static final String MODULE_ID = "attestationDocumentModuleId";

  /** Name of the image digest (PCR0) member. */
  public static final String IMAGE_DIGEST = "attestationDocumentEnclaveImageDigest";

  /** Prefix of enclave PCR members; the index follows. */
  public static final String ENCLAVE_PCR_PREFIX = "attestationDocumentEnclavePCR";

  /** Prefix of NitroTPM PCR members; the index follows. */
  public static final String NITRO_TPM_PCR_PREFIX = "attestationDocumentNitroTPMPCR";

  /** Highest PCR index an attestation document can carry. */
  public static final int MAX_PCR_INDEX = 31;

  private final Optional<ModuleId> moduleId;
  private final Optional<Measurement> imageDigest;
  private final SortedMap<Integer, Measurement> enclavePcrs;
  private final SortedMap<Integer, Measurement> nitroTpmPcrs;

  private AttestationRecipient(JsonObject json, String path) {
    super(json);
    Fields f = new Fields(json, path);
    this.moduleId = f.string(MODULE_ID).map(ModuleId::parse);
    this.imageDigest = f.string(IMAGE_DIGEST).map(Measurement::parse);
    TreeMap<Integer, Measurement> enclave = new TreeMap<>();
    TreeMap<Integer, Measurement> tpm = new TreeMap<>();
    for (int i = 0; i < json.size(); i++) {
      String name = json.nameAt(i);
      if (name.startsWith(ENCLAVE_PCR_PREFIX)) {
        collect(f, name, ENCLAVE_PCR_PREFIX, enclave);
      } else if (name.startsWith(NITRO_TPM_PCR_PREFIX)) {
        collect(f, name, NITRO_TPM_PCR_PREFIX, tpm);
      }
    }
    this.enclavePcrs = Collections.unmodifiableSortedMap(enclave);
    this.nitroTpmPcrs = Collections.unmodifiableSortedMap(tpm);
  }

  private static void collect(
      Fields f, String name, String prefix, Map<Integer, Measurement> into) {
    int index = pcrIndex(name.substring(prefix.length()));
    if (index < 0) {
      return; // not a PCR member after all (such as a future "…PCRCount"): kept in json() only
    }
    f.string(name).map(Measurement::parse).ifPresent(m -> into.put(index, m));
  }

  private static int pcrIndex(String digits) {
    if (digits.isEmpty() || digits.length() > 2) {
      return -1;
    }
    for (int i = 0; i < digits.length(); i++) {
      if (!Character.isDigit(digits.charAt(i))) {
        return -1;
      }
    }
    if (digits.length() == 2 && digits.charAt(0) == '0') {
      return -1;
    }
    int n = Integer.parseInt(digits);
    return n <= MAX_PCR_INDEX ? n : -1;
  }

  /**
   * Reads a {@code recipient} object.
   *
   * @throws CloudTrailFormatException if a known member is not a string
   */
  public static AttestationRecipient of(JsonObject recipient) {
    return new AttestationRecipient(recipient, "additionalEventData.recipient");
  }

  /**
   * Returns the recipient in {@code additionalEventData}, if it has a {@code recipient} object.
   *
   * @throws CloudTrailFormatException if {@code recipient} is not an object or a known member is
   *     not a string
   */
  public static Optional<AttestationRecipient> fromAdditionalEventData(
      JsonObject additionalEventData) {
    return new Fields(additionalEventData, "additionalEventData")
        .object("recipient", AttestationRecipient::new);
  }

  /** What issued the attestation document. */
  public enum Type {
    /** A Nitro enclave: the image digest and enclave PCRs are set. */
    ENCLAVE,
    /** A NitroTPM instance: NitroTPM PCRs are set. */
    NITRO_TPM,
    /** Neither could be told from the module id or the members. */
    UNKNOWN
  }

  /** Returns the module id. */
  public Optional<ModuleId> moduleId() {
    return moduleId;
  }

  /**
   * Returns the issuer: from the module id ({@code -enc} or {@code -tpm}) when it tells, otherwise
   * from the members present.
   */
  public Type type() {
    if (moduleId.isPresent() && moduleId.get().kind() != ModuleId.Kind.OTHER) {
      return moduleId.get().isEnclave() ? Type.ENCLAVE : Type.NITRO_TPM;
    }
    if (imageDigest.isPresent() || !enclavePcrs.isEmpty()) {
      return Type.ENCLAVE;
    }
    return nitroTpmPcrs.isEmpty() ? Type.UNKNOWN : Type.NITRO_TPM;
  }

  /** Returns the image digest ({@code attestationDocumentEnclaveImageDigest}), which is PCR0. */
  public Optional<Measurement> imageDigest() {
    return imageDigest;
  }

  /** Returns the enclave PCRs by index, as logged ({@code attestationDocumentEnclavePCR<n>}). */
  public SortedMap<Integer, Measurement> enclavePcrs() {
    return enclavePcrs;
  }

  /** Returns the NitroTPM PCRs by index ({@code attestationDocumentNitroTPMPCR<n>}). */
  public SortedMap<Integer, Measurement> nitroTpmPcrs() {
    return nitroTpmPcrs;
  }

  /**
   * Returns enclave PCR {@code index}; PCR0 is the logged {@code attestationDocumentEnclavePCR0} if
   * there is one, otherwise the image digest.
   */
  public Optional<Measurement> enclavePcr(int index) {
    Measurement m = enclavePcrs.get(index);
    if (m == null && index == 0) {
      return imageDigest;
    }
    return Optional.ofNullable(m);
  }

  /** Returns NitroTPM PCR {@code index}. */
  public Optional<Measurement> nitroTpmPcr(int index) {
    return Optional.ofNullable(nitroTpmPcrs.get(index));
  }

  /**
   * Returns true if every decodable measurement of an enclave's image (PCR0, 1, 2) is all zeros:
   * the enclave ran in debug mode, and its attestation proves nothing.
   */
  public boolean isDebugMode() {
    boolean any = false;
    for (int i = 0; i <= 2; i++) {
      Optional<Measurement> m = enclavePcr(i);
      if (m.isPresent() && m.get().isDecodable()) {
        if (!m.get().isAllZero()) {
          return false;
        }
        any = true;
      }
    }
    return any;
  }

  /** Returns the value of any member, known or not. */
  public Optional<JsonValue> member(String name) {
    return json().get(name);
  }
}
