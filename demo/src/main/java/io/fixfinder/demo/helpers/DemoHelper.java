package io.fixfinder.demo.helpers;

import io.fixfinder.core.helpers.Skill;
import io.fixfinder.core.helpers.geo.Location;
import io.fixfinder.core.helpers.match.Candidate;
import io.fixfinder.core.helpers.match.Reputation;
import io.fixfinder.core.helpers.schedule.WeeklyHours;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One fictional helper as a seeding step needs it: account email, public profile, private channels
 * and the reputation counts their (equally fictional) past requests would have left.
 *
 * @param handle a stable short name ({@code ana-ribeiro}), unique among the demo helpers
 * @param email the account's address (under example.org/.net/.com)
 * @param skills skills the demo can name without an index: models, brands, types, fault areas
 * @param issueHints issues the helper has fixed, named by what the seeding step can look up in the
 *     cluster store (their ids exist only after indexing)
 */
public record DemoHelper(
    String handle,
    String email,
    String displayName,
    String bio,
    Set<Skill> skills,
    List<IssueHint> issueHints,
    List<String> languages,
    Location location,
    boolean remote,
    ZoneId zone,
    WeeklyHours hours,
    boolean paused,
    Channels channels,
    Reputation reputation) {

  public DemoHelper {
    Objects.requireNonNull(handle, "handle");
    skills = Set.copyOf(skills);
    issueHints = List.copyOf(issueHints);
    languages = List.copyOf(languages);
  }

  /**
   * An issue named by product and error code or symptom id, e.g. Aqualine washing machines' E18
   * ("wont-drain"): the seeding step resolves it to the issue cluster whose scope and codes match,
   * and adds {@code Skill.issue(id)}.
   *
   * @param code the error code as the lexicon writes it, "" when the fault shows none
   * @param symptom the lexicon's symptom id
   */
  public record IssueHint(String type, String brand, String code, String symptom) {}

  /**
   * Private contact channels, never public: shown to a customer only after the helper accepts and
   * chooses to reveal one.
   *
   * @param phone E.164, from a range reserved for fiction
   * @param videoCall an https meeting link under an example domain
   */
  public record Channels(
      Optional<String> phone, Optional<String> email, Optional<String> videoCall) {}

  /** The helper as the matcher sees them, under the directory id {@code id}. */
  public Candidate toCandidate(String id) {
    return new Candidate(
        id,
        displayName,
        skills,
        Set.copyOf(languages),
        location,
        remote,
        zone,
        hours,
        paused,
        reputation);
  }
}
