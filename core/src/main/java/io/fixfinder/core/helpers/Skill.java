package io.fixfinder.core.helpers;

import io.fixfinder.core.io.Hashes;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One thing a helper knows: a kind and the indexer's key for it. Values are compared without regard
 * to case ({@link #matchKey()}) because the lexicon's brand and model spellings and a profile
 * form's input may differ only in case; the value keeps the spelling given.
 *
 * @param kind what the value names
 * @param value the key: {@code iss-0123456789ab}, {@code WM-8420X}, {@code Aqualine}, {@code
 *     washing-machine} or {@code fa-0123456789ab}
 */
public record Skill(SkillKind kind, String value) {
  /** Longest value accepted: model numbers and brand names are short; this bounds bad input. */
  public static final int MAX_LENGTH = 80;

  private static final Pattern CLUSTER_ID = Pattern.compile("(iss|fa)-[0-9a-f]{12}");
  private static final Pattern TYPE_ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  public Skill {
    Objects.requireNonNull(kind, "kind");
    value = value == null ? "" : value.strip();
    if (value.isEmpty()) throw new IllegalArgumentException("empty " + kind.key() + " skill");
    if (value.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(
          kind.key() + " skill longer than " + MAX_LENGTH + " characters");
    }
    if (value.codePoints().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException(kind.key() + " skill with a control character");
    }
    switch (kind) {
      case ISSUE -> requireId(value, "iss-", kind);
      case AREA -> requireId(value, "fa-", kind);
      case TYPE -> {
        if (!TYPE_ID.matcher(value).matches()) {
          throw new IllegalArgumentException(
              "product type '"
                  + value
                  + "' is not a type id (lower-case words joined by '-', e.g. washing-machine)");
        }
      }
      case MODEL, BRAND -> {}
    }
  }

  private static void requireId(String value, String prefix, SkillKind kind) {
    if (!value.startsWith(prefix) || !CLUSTER_ID.matcher(value).matches()) {
      throw new IllegalArgumentException(
          kind.key() + " skill '" + value + "' is not an id of the form " + prefix + "<12 hex>");
    }
  }

  public static Skill issue(String issueId) {
    return new Skill(SkillKind.ISSUE, issueId);
  }

  public static Skill model(String model) {
    return new Skill(SkillKind.MODEL, model);
  }

  public static Skill brand(String brand) {
    return new Skill(SkillKind.BRAND, brand);
  }

  public static Skill type(String typeId) {
    return new Skill(SkillKind.TYPE, typeId);
  }

  public static Skill area(String faultAreaId) {
    return new Skill(SkillKind.AREA, faultAreaId);
  }

  /**
   * The id the indexer gives the fault area {@code areaKey} ({@code water}, {@code power}: the ids
   * of {@code fault-areas.yaml}) of product type {@code type}: {@code fa-} and the first 12 hex
   * digits of SHA-256 over type, U+0001 and key, as {@code ClusterStore} makes it. Lets seed data
   * and tests name an area without an index at hand.
   */
  public static String faultAreaId(String type, String areaKey) {
    return "fa-" + Hashes.sha256Hex(type + "\u0001" + areaKey).substring(0, 12);
  }

  /** The key under which the matcher indexes this skill: kind and lower-case value. */
  public String matchKey() {
    return key(kind, value);
  }

  /** The index key of a query's value of {@code kind} (empty value: no key). */
  public static String key(SkillKind kind, String value) {
    return kind.key() + ":" + value.strip().toLowerCase(Locale.ROOT);
  }

  /** {@code brand:Aqualine}: the form used in seed files and logs of the directory. */
  @Override
  public String toString() {
    return kind.key() + ":" + value;
  }
}
