package dev.enclavetrail.policy;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One statement of a policy, read and compiled: effect, principal block (key policies), actions or
 * not-actions, resources or not-resources, and conditions.
 *
 * <p>Actions match case-insensitively with {@code *} and {@code ?} wildcards; resources match as
 * ARNs, component by component, with wildcards; in a key policy the resource {@code "*"} is the key
 * itself.
 */
public final class Statement {

  private final Location location;
  private final int index;
  private final Optional<String> sid;
  private final Effect effect;
  private final Optional<Principals> principals;
  private final List<String> actions;
  private final boolean notAction;
  private final int[][] actionPatterns;
  private final List<String> resources;
  private final boolean notResource;
  private final Template[] resourceTemplates;
  private final int[][] resourceColons;

  /**
   * True if a resource is a plain {@code "*"}: every key matches (decided once, not per request).
   */
  private final boolean anyResource;

  private final List<Condition> conditions;
  private final Condition[] conditionArray;

  Statement(
      Location location,
      int index,
      @Nullable String sid,
      Effect effect,
      @Nullable Principals principals,
      List<String> actions,
      boolean notAction,
      List<String> resources,
      List<Template> resourceTemplates,
      boolean notResource,
      List<Condition> conditions) {
    this.location = location;
    this.index = index;
    this.sid = Optional.ofNullable(sid);
    this.effect = effect;
    this.principals = Optional.ofNullable(principals);
    this.actions = List.copyOf(actions);
    this.notAction = notAction;
    this.actionPatterns = new int[actions.size()][];
    for (int i = 0; i < actions.size(); i++) {
      actionPatterns[i] = Glob.lowerCase(Glob.compile(actions.get(i)));
    }
    this.resources = List.copyOf(resources);
    this.notResource = notResource;
    this.resourceTemplates = resourceTemplates.toArray(new Template[0]);
    this.resourceColons = new int[resourceTemplates.size()][];
    for (int i = 0; i < resourceTemplates.size(); i++) {
      resourceColons[i] = Arns.boundaries(this.resourceTemplates[i].pattern());
    }
    boolean any = false;
    for (Template t : this.resourceTemplates) {
      any |= !t.hasVariables() && t.text().equals("*");
    }
    this.anyResource = any;
    this.conditions = List.copyOf(conditions);
    this.conditionArray = conditions.toArray(new Condition[0]);
  }

  /** Returns where the statement starts in the policy. */
  public Location location() {
    return location;
  }

  /** Returns the 0-based position of this statement in its policy. */
  public int index() {
    return index;
  }

  /** Returns the {@code Sid}. */
  public Optional<String> sid() {
    return sid;
  }

  /** Returns the {@code Effect}. */
  public Effect effect() {
    return effect;
  }

  /**
   * Returns the {@code Principal} or {@code NotPrincipal} block; always present in key policies.
   */
  public Optional<Principals> principals() {
    return principals;
  }

  /** Returns the actions, or the not-actions when {@link #isNotAction()}. */
  public List<String> actions() {
    return actions;
  }

  /** Returns true if the statement uses {@code NotAction}. */
  public boolean isNotAction() {
    return notAction;
  }

  /** Returns the resources, or the not-resources when {@link #isNotResource()}. */
  public List<String> resources() {
    return resources;
  }

  /** Returns true if the statement uses {@code NotResource}. */
  public boolean isNotResource() {
    return notResource;
  }

  /** Returns the conditions, all of which must hold. */
  public List<Condition> conditions() {
    return conditions;
  }

  Condition[] conditionArray() {
    return conditionArray;
  }

  /** Returns a label for messages: {@code statement `Sid`} or {@code statement 2}. */
  String label() {
    return sid.map(s -> "statement `" + Node.excerpt(s) + "`").orElse("statement " + index);
  }

  boolean actionMatches(KmsRequest request) {
    String action = request.actionLowerCase();
    boolean any = false;
    for (int[] p : actionPatterns) {
      if (Glob.matches(p, 0, p.length, action, 0, action.length())) {
        any = true;
        break;
      }
    }
    return any != notAction;
  }

  /**
   * Returns whether the request's key is among the resources: {@link Condition#MATCH}, {@link
   * Condition#NO_MATCH}, or {@link Condition#UNKNOWN} when the key ARN or a policy variable is
   * unknown.
   */
  int resourceMatches(KmsRequest request, boolean keyPolicy) {
    if (anyResource) {
      return notResource ? Condition.NO_MATCH : Condition.MATCH;
    }
    String arn = request.resourceOrNull();
    int any = Condition.NO_MATCH;
    for (int i = 0; i < resourceTemplates.length && any != Condition.MATCH; i++) {
      Template t = resourceTemplates[i];
      int m;
      if (!t.hasVariables() && t.text().equals("*")) {
        m = Condition.MATCH;
      } else if (arn == null) {
        m = keyPolicy ? Condition.UNKNOWN : Condition.NO_MATCH;
      } else if (!t.hasVariables()) {
        m = Condition.bool(Arns.matches(t.pattern(), resourceColons[i], arn));
      } else {
        int[] pattern = t.resolvePattern(request);
        m =
            pattern == null
                ? Condition.UNKNOWN
                : Condition.bool(Arns.matches(pattern, Arns.boundaries(pattern), arn));
      }
      any = Condition.or(any, m);
    }
    return notResource ? Condition.not(any) : any;
  }

  CallerIdentity.Match principalMatch(KmsRequest request) {
    return principals.isPresent()
        ? principals.get().match(request.caller(), effect == Effect.DENY)
        : CallerIdentity.Match.DIRECT;
  }
}
