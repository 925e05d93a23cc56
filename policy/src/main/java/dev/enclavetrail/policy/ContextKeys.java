package dev.enclavetrail.policy;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Names of the request-context keys EnclaveTrail fills, with their lower-case forms computed once,
 * so that deriving a request from a record does not lower-case the same constant names again and
 * again.
 */
final class ContextKeys {

  static final String ATTESTATION = "kms:RecipientAttestation:";
  static final String IMAGE_SHA384 = ATTESTATION + "ImageSha384";

  /** {@code kms:RecipientAttestation:PCR<n>}, by index. */
  static final String[] ENCLAVE_PCR = names(ATTESTATION + "PCR", 32);

  /** {@code kms:RecipientAttestation:NitroTPMPCR<n>}, by index. */
  static final String[] NITRO_TPM_PCR = names(ATTESTATION + "NitroTPMPCR", 32);

  private static final Map<String, String> LOWER_CASE = new HashMap<>();

  static {
    for (String k : ENCLAVE_PCR) {
      remember(k);
    }
    for (String k : NITRO_TPM_PCR) {
      remember(k);
    }
    for (String k :
        new String[] {
          IMAGE_SHA384,
          "kms:EncryptionContextKeys",
          "kms:EncryptionAlgorithm",
          "kms:KeyAgreementAlgorithm",
          "kms:DataKeyPairSpec",
          "kms:GrantTokens",
          "kms:CallerAccount",
          "kms:ViaService",
          "aws:PrincipalAccount",
          "aws:SourceIp",
          "aws:SourceVpce",
          "aws:PrincipalArn",
          "aws:PrincipalType",
          "aws:userid",
          "aws:username",
          "aws:SourceIdentity",
          "aws:CurrentTime",
          "aws:EpochTime"
        }) {
      remember(k);
    }
  }

  private ContextKeys() {}

  private static String[] names(String prefix, int count) {
    String[] out = new String[count];
    for (int i = 0; i < count; i++) {
      out[i] = prefix + i;
    }
    return out;
  }

  private static void remember(String key) {
    LOWER_CASE.put(key, key.toLowerCase(Locale.ROOT));
  }

  /** Returns {@code key} in lower case (the form context keys are matched in). */
  static String lowerCase(String key) {
    String known = LOWER_CASE.get(key);
    return known != null ? known : key.toLowerCase(Locale.ROOT);
  }
}
