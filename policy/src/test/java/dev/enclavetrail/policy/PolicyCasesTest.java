package dev.enclavetrail.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The data-driven semantics of the evaluator: every line of {@code
 * src/test/resources/cases/*.jsonl} is a key policy, optional identity policies, a request, the
 * expected decision and the AWS documentation sentence it comes from. A new case is a new line.
 */
class PolicyCasesTest {

  private static final JsonFactory JSON = new JsonFactory();

  /** One case: raw JSON texts of its parts, cut from the line so that duplicate keys survive. */
  record Case(String file, int line, String id, Map<String, String> raw, String expect) {
    String part(String name) {
      String value = raw.get(name);
      if (value == null) {
        throw new AssertionError(file + ":" + line + " (" + id + ") has no `" + name + "`");
      }
      return value;
    }

    @Override
    public String toString() {
      return id;
    }
  }

  static List<Case> cases() {
    Path dir;
    try {
      dir = Path.of(PolicyCasesTest.class.getResource("/cases").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    List<Case> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList()) {
        List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
          String l = lines.get(i).strip();
          if (l.isEmpty() || l.startsWith("//")) {
            continue;
          }
          out.add(parse(f.getFileName().toString(), i + 1, l));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private static Case parse(String file, int line, String text) throws IOException {
    Map<String, String> raw = new LinkedHashMap<>();
    try (JsonParser p = JSON.createParser(text)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException(file + ":" + line + " is not a JSON object");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken t = p.nextToken();
        int start = (int) p.currentTokenLocation().getCharOffset();
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
          p.skipChildren();
          raw.put(name, text.substring(start, (int) p.currentLocation().getCharOffset()));
        } else {
          raw.put(name, p.getText());
        }
      }
    }
    String id = raw.getOrDefault("id", file + ":" + line);
    return new Case(file, line, id, raw, raw.getOrDefault("expect", "?"));
  }

  private static List<String> identityPolicies(String rawArray) throws IOException {
    List<String> out = new ArrayList<>();
    try (JsonParser p = JSON.createParser(rawArray)) {
      p.nextToken();
      while (p.nextToken() == JsonToken.START_OBJECT) {
        int start = (int) p.currentTokenLocation().getCharOffset();
        p.skipChildren();
        out.add(rawArray.substring(start, (int) p.currentLocation().getCharOffset()));
      }
    }
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void policyCase_decidesAsDocumented(Case c) throws IOException {
    assertThat(c.raw())
        .as("%s:%d", c.file(), c.line())
        .containsKeys("keyPolicy", "request", "expect", "source");
    List<String> identity =
        c.raw().containsKey("identityPolicies")
            ? identityPolicies(c.part("identityPolicies"))
            : List.of();
    if (c.expect().equals("rejected")) {
      assertThatThrownBy(
              () -> {
                PolicyDocument.readKeyPolicy(c.part("keyPolicy"));
                identity.forEach(PolicyDocument::readIdentityPolicy);
              })
          .as("%s (%s:%d) must be rejected", c.id(), c.file(), c.line())
          .isInstanceOf(PolicyParseException.class);
      return;
    }
    PolicyDocument key = PolicyDocument.readKeyPolicy(c.part("keyPolicy"));
    List<PolicyDocument> ids = identity.stream().map(PolicyDocument::readIdentityPolicy).toList();
    KmsRequest request = KmsRequest.readJson(c.part("request"));
    Authorizer authorizer = Authorizer.of(key, ids);
    Decision decision = authorizer.explain(request);
    assertThat(decision.outcome().text())
        .as(
            "%s (%s:%d): %s — %s",
            c.id(), c.file(), c.line(), c.raw().get("source"), decision.toJson())
        .isEqualTo(c.expect());
    assertThat(authorizer.decide(request)).isEqualTo(decision.outcome());
  }

  @Test
  void caseFiles_idsUniqueAndExpectationsKnown() {
    Set<String> ids = new HashSet<>();
    for (Case c : cases()) {
      assertThat(ids.add(c.id())).as("duplicate id %s", c.id()).isTrue();
      assertThat(c.expect()).isIn("allowed", "explicitDeny", "implicitDeny", "rejected");
    }
  }
}
