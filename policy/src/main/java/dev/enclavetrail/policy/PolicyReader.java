package dev.enclavetrail.policy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.enclavetrail.core.json.JsonArray;
import dev.enclavetrail.core.json.JsonBoolean;
import dev.enclavetrail.core.json.JsonNull;
import dev.enclavetrail.core.json.JsonNumber;
import dev.enclavetrail.core.json.JsonObject;
import dev.enclavetrail.core.json.JsonString;
import dev.enclavetrail.core.json.JsonValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads a policy document strictly: JSON into located nodes (duplicate keys rejected), then every
 * element checked against the IAM grammar and compiled. Any problem is a {@link
 * PolicyParseException} at its element.
 */
final class PolicyReader {

  static final String V2012 = "2012-10-17";
  static final String V2008 = "2008-10-17";

  private static final Set<String> TOP_LEVEL = Set.of("Version", "Id", "Statement");
  private static final Set<String> STATEMENT =
      Set.of(
          "Sid",
          "Effect",
          "Principal",
          "NotPrincipal",
          "Action",
          "NotAction",
          "Resource",
          "NotResource",
          "Condition");
  private static final JsonFactory JSON =
      JsonFactory.builder()
          .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build())
          .build();

  private PolicyReader() {}

  static PolicyDocument read(byte[] json, PolicyDocument.Type type) {
    Node root = parse(json);
    if (root.kind != Node.Kind.OBJECT) {
      throw root.error("a policy must be a JSON object, found " + root.describe());
    }
    Map<String, Node> top = root.members();
    for (String name : top.keySet()) {
      if (!TOP_LEVEL.contains(name)) {
        throw root.name(name).error("unknown policy element `" + Node.excerpt(name) + "`");
      }
    }
    String version = optionalString(root, "Version", "`Version`");
    Node versionNode = top.get("Version");
    if (version != null
        && versionNode != null
        && !version.equals(V2012)
        && !version.equals(V2008)) {
      throw versionNode.error(
          "`Version` must be `2012-10-17` or `2008-10-17`, found `" + Node.excerpt(version) + "`");
    }
    String id = optionalString(root, "Id", "`Id`");
    Node statementNode = top.get("Statement");
    if (statementNode == null) {
      throw root.error("a policy needs a `Statement`");
    }
    List<Node> statementNodes = list(statementNode, "`Statement`", Node.Kind.OBJECT);
    boolean variables = V2012.equals(version);
    List<Statement> statements = new ArrayList<>();
    for (int i = 0; i < statementNodes.size(); i++) {
      statements.add(statement(statementNodes.get(i), i, type, variables));
    }
    return new PolicyDocument(type, version, id, statements, (JsonObject) toJson(root));
  }

  private static Statement statement(
      Node s, int index, PolicyDocument.Type type, boolean variables) {
    Map<String, Node> m = s.members();
    String sid = optionalString(s, "Sid", "`Sid`");
    String label = sid == null ? "statement " + index : "statement `" + Node.excerpt(sid) + "`";
    for (String name : m.keySet()) {
      if (!STATEMENT.contains(name)) {
        throw s.name(name).error("unknown element `" + Node.excerpt(name) + "` in " + label);
      }
    }
    Node effectNode = m.get("Effect");
    if (effectNode == null) {
      throw s.error(label + " has no `Effect`");
    }
    Effect effect;
    if (effectNode.kind == Node.Kind.STRING && effectNode.text.equals("Allow")) {
      effect = Effect.ALLOW;
    } else if (effectNode.kind == Node.Kind.STRING && effectNode.text.equals("Deny")) {
      effect = Effect.DENY;
    } else {
      throw effectNode.error(
          "`Effect` of " + label + " must be `Allow` or `Deny`, found " + effectNode.describe());
    }
    Node actionNode = required(exactlyOne(s, "Action", "NotAction", label), s, "Action", label);
    Node resourceNode =
        required(exactlyOne(s, "Resource", "NotResource", label), s, "Resource", label);
    Node principalNode = exactlyOne(s, "Principal", "NotPrincipal", label);
    if (type == PolicyDocument.Type.KEY_POLICY && principalNode == null) {
      throw s.error(label + " of a key policy needs `Principal` or `NotPrincipal`");
    }
    if (type == PolicyDocument.Type.IDENTITY_POLICY && principalNode != null) {
      throw s.name(m.containsKey("Principal") ? "Principal" : "NotPrincipal")
          .error(label + ": an identity policy takes no `Principal` or `NotPrincipal`");
    }
    boolean notAction = m.containsKey("NotAction");
    List<String> actions = strings(actionNode, notAction ? "`NotAction`" : "`Action`");
    for (int i = 0; i < actions.size(); i++) {
      String a = actions.get(i);
      if (!a.equals("*") && a.indexOf(':') <= 0) {
        throw elementAt(actionNode, i)
            .error(
                "action `" + Node.excerpt(a) + "` in " + label + " is not `service:Action` or `*`");
      }
    }
    boolean notResource = m.containsKey("NotResource");
    List<String> resources = strings(resourceNode, notResource ? "`NotResource`" : "`Resource`");
    List<Template> resourceTemplates = new ArrayList<>();
    for (int i = 0; i < resources.size(); i++) {
      resourceTemplates.add(template(elementAt(resourceNode, i), resources.get(i), variables));
    }
    Principals principals =
        principalNode == null
            ? null
            : principals(principalNode, m.containsKey("NotPrincipal"), label);
    List<Condition> conditions = new ArrayList<>();
    Node conditionNode = m.get("Condition");
    if (conditionNode != null) {
      conditions(conditionNode, label, variables, conditions);
    }
    return new Statement(
        s.location(),
        index,
        sid,
        effect,
        principals,
        actions,
        notAction,
        resources,
        resourceTemplates,
        notResource,
        conditions);
  }

  private static Template template(Node at, String text, boolean variables) {
    try {
      return Template.parse(text, variables);
    } catch (IllegalArgumentException e) {
      throw at.error(String.valueOf(e.getMessage()));
    }
  }

  private static @Nullable Node exactlyOne(Node s, String a, String notA, String label) {
    Map<String, Node> m = s.members();
    Node x = m.get(a);
    Node y = m.get(notA);
    if (x != null && y != null) {
      throw s.name(notA).error(label + " has both `" + a + "` and `" + notA + "`");
    }
    return x != null ? x : y;
  }

  private static Node required(@Nullable Node node, Node s, String a, String label) {
    if (node == null) {
      throw s.error(label + " has neither `" + a + "` nor `Not" + a + "`");
    }
    return node;
  }

  private static Principals principals(Node node, boolean negated, String label) {
    String element = negated ? "`NotPrincipal`" : "`Principal`";
    Map<PrincipalType, List<String>> ids = new LinkedHashMap<>();
    List<CallerIdentity.Pattern> patterns = new ArrayList<>();
    if (node.kind == Node.Kind.STRING) {
      if (!node.text.equals("*")) {
        throw node.error(
            element + " of " + label + " must be `\"*\"` or an object, found " + node.describe());
      }
      ids.put(PrincipalType.AWS, List.of("*"));
      patterns.add(CallerIdentity.Pattern.compile(PrincipalType.AWS, "*"));
    } else if (node.kind == Node.Kind.OBJECT) {
      if (node.members().isEmpty()) {
        throw node.error(element + " of " + label + " names no principal");
      }
      for (Map.Entry<String, Node> e : node.members().entrySet()) {
        PrincipalType type =
            PrincipalType.fromText(e.getKey())
                .orElseThrow(
                    () ->
                        node.name(e.getKey())
                            .error(
                                "unknown principal type `"
                                    + Node.excerpt(e.getKey())
                                    + "` in "
                                    + label
                                    + " (expected `AWS`, `Service`, `Federated` or `CanonicalUser`)"));
        List<String> values = strings(e.getValue(), element);
        for (int i = 0; i < values.size(); i++) {
          try {
            patterns.add(CallerIdentity.Pattern.compile(type, values.get(i)));
          } catch (IllegalArgumentException ex) {
            throw elementAt(e.getValue(), i).error(ex.getMessage() + " in " + label);
          }
        }
        ids.put(type, values);
      }
    } else {
      throw node.error(
          element + " of " + label + " must be `\"*\"` or an object, found " + node.describe());
    }
    return new Principals(negated, ids, patterns.toArray(new CallerIdentity.Pattern[0]));
  }

  private static void conditions(Node node, String label, boolean variables, List<Condition> out) {
    if (node.kind != Node.Kind.OBJECT) {
      throw node.error("`Condition` of " + label + " must be an object, found " + node.describe());
    }
    for (Map.Entry<String, Node> op : node.members().entrySet()) {
      ConditionOperator operator;
      try {
        operator = ConditionOperator.parse(op.getKey());
      } catch (IllegalArgumentException e) {
        throw node.name(op.getKey()).error(e.getMessage() + " in " + label);
      }
      Node block = op.getValue();
      if (block.kind != Node.Kind.OBJECT || block.members().isEmpty()) {
        throw block.error(
            "`"
                + Node.excerpt(op.getKey())
                + "` in "
                + label
                + " must map context keys to values, found "
                + block.describe());
      }
      Set<String> lowerCaseKeys = new java.util.HashSet<>();
      for (Map.Entry<String, Node> k : block.members().entrySet()) {
        if (!lowerCaseKeys.add(k.getKey().toLowerCase(Locale.ROOT))) {
          throw block
              .name(k.getKey())
              .error(
                  "context key `"
                      + Node.excerpt(k.getKey())
                      + "` repeated (in another case) in "
                      + label);
        }
        if (k.getKey().isEmpty()) {
          throw block.name(k.getKey()).error("empty context key in " + label);
        }
        List<String> values = conditionValues(k.getValue(), label);
        try {
          out.add(
              new Condition(
                  operator, k.getKey(), values, variables, block.name(k.getKey()).location()));
        } catch (IllegalArgumentException e) {
          throw k.getValue().error(e.getMessage() + " in " + label);
        }
      }
    }
  }

  private static List<String> conditionValues(Node node, String label) {
    List<Node> nodes = node.kind == Node.Kind.ARRAY ? node.elements() : List.of(node);
    if (nodes.isEmpty()) {
      throw node.error("condition values in " + label + " must not be empty");
    }
    List<String> out = new ArrayList<>();
    for (Node n : nodes) {
      if (n.kind != Node.Kind.STRING && n.kind != Node.Kind.NUMBER && n.kind != Node.Kind.BOOLEAN) {
        throw n.error(
            "a condition value in "
                + label
                + " must be a string, number or boolean, found "
                + n.describe());
      }
      out.add(n.text);
    }
    return out;
  }

  private static List<String> strings(Node node, String element) {
    List<Node> nodes = list(node, element, Node.Kind.STRING);
    List<String> out = new ArrayList<>(nodes.size());
    for (Node n : nodes) {
      out.add(n.text);
    }
    return out;
  }

  /** A value or an array of values of {@code kind}, never empty. */
  private static List<Node> list(Node node, String element, Node.Kind kind) {
    List<Node> nodes = node.kind == Node.Kind.ARRAY ? node.elements() : List.of(node);
    if (nodes.isEmpty()) {
      throw node.error(element + " must not be empty");
    }
    for (Node n : nodes) {
      if (n.kind != kind) {
        throw n.error(
            element
                + " must hold "
                + (kind == Node.Kind.STRING ? "strings" : "objects")
                + ", found "
                + n.describe());
      }
    }
    return nodes;
  }

  private static Node elementAt(Node node, int i) {
    return node.kind == Node.Kind.ARRAY ? node.elements().get(i) : node;
  }

  private static @Nullable String optionalString(Node object, String name, String element) {
    Node n = object.members().get(name);
    if (n == null) {
      return null;
    }
    if (n.kind != Node.Kind.STRING) {
      throw n.error(element + " must be a string, found " + n.describe());
    }
    return n.text;
  }

  // ---- JSON into located nodes ------------------------------------------------------------------

  private static Node parse(byte[] json) {
    try (JsonParser p = JSON.createParser(json)) {
      try {
        JsonToken t = p.nextToken();
        if (t == null) {
          throw new PolicyParseException(
              "a policy must be a JSON object: the input is empty", 0, 1, 1);
        }
        Node root = node(p, t);
        if (p.nextToken() != null) {
          throw at(p.currentTokenLocation(), "trailing content after the policy");
        }
        return root;
      } catch (JsonProcessingException e) {
        String m = e.getOriginalMessage();
        String first =
            m == null ? "malformed JSON" : m.lines().findFirst().orElse("malformed JSON");
        JsonLocation where = e.getLocation() != null ? e.getLocation() : p.currentLocation();
        throw at(where, Character.toLowerCase(first.charAt(0)) + first.substring(1));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Node node(JsonParser p, JsonToken t) throws IOException {
    JsonLocation at = p.currentTokenLocation();
    long offset = at.getByteOffset();
    int line = at.getLineNr();
    int column = at.getColumnNr();
    switch (t) {
      case START_OBJECT -> {
        LinkedHashMap<String, Node> members = new LinkedHashMap<>();
        LinkedHashMap<String, Node> names = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          JsonLocation nameAt = p.currentTokenLocation();
          Node nameNode =
              Node.scalar(
                  Node.Kind.STRING,
                  name,
                  nameAt.getByteOffset(),
                  nameAt.getLineNr(),
                  nameAt.getColumnNr());
          if (members.containsKey(name)) {
            throw nameNode.error("duplicate key `" + Node.excerpt(name) + "`");
          }
          names.put(name, nameNode);
          members.put(name, node(p, p.nextToken()));
        }
        return Node.object(members, names, offset, line, column);
      }
      case START_ARRAY -> {
        List<Node> elements = new ArrayList<>();
        JsonToken e;
        while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
          elements.add(node(p, e));
        }
        return Node.array(elements, offset, line, column);
      }
      case VALUE_STRING -> {
        return Node.scalar(Node.Kind.STRING, p.getText(), offset, line, column);
      }
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
        return Node.scalar(Node.Kind.NUMBER, p.getText(), offset, line, column);
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return Node.scalar(Node.Kind.BOOLEAN, p.getText(), offset, line, column);
      }
      case VALUE_NULL -> {
        return Node.scalar(Node.Kind.NULL, "null", offset, line, column);
      }
      default -> throw at(at, "unexpected token " + t);
    }
  }

  private static PolicyParseException at(JsonLocation where, String reason) {
    return new PolicyParseException(
        reason, where.getByteOffset(), where.getLineNr(), where.getColumnNr());
  }

  private static JsonValue toJson(Node n) {
    return switch (n.kind) {
      case OBJECT -> {
        JsonObject.Builder b = JsonObject.builder();
        n.members().forEach((k, v) -> b.put(k, toJson(v)));
        yield b.build();
      }
      case ARRAY -> JsonArray.of(n.elements().stream().map(PolicyReader::toJson).toList());
      case STRING -> new JsonString(n.text);
      case NUMBER -> JsonNumber.parse(n.text);
      case BOOLEAN -> JsonBoolean.of(n.text.equals("true"));
      case NULL -> JsonNull.INSTANCE;
    };
  }
}
