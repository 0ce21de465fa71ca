package io.fixfinder.ui;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The model of the contact pages: the contact form, a request's thread (the customer's or the
 * helper's view of it) and the helper's inbox. The form part (title, CSRF token, errors, typed
 * values, notice) is an {@link AccountView}, so these pages share the account pages' fields and
 * error summary. Every string is user content or ours; the templates escape all of it.
 *
 * @param form title, CSRF token, errors, typed values and notice
 * @param action where the thread's forms post ({@code /contact/<token>} or {@code
 *     /account/requests/<id>}); "" on the inbox
 * @param viewer {@code customer} or {@code helper}
 * @param status the request's state ({@code open}, {@code accepted}, {@code declined}, {@code
 *     closed}); "" on the inbox
 * @param helperName the helper's display name ("" when unknown)
 * @param outcome the outcome once closed (e.g. "fixed"), else ""
 * @param messages the thread, oldest first
 * @param reveals channels shown so far
 * @param inbox the helper's requests (inbox page only)
 * @param can what the viewer may do now: {@code write}, {@code reveal}, {@code close}, {@code
 *     answer}, {@code report}
 * @param revealKinds the channel kinds the viewer can reveal (a helper: the ones they saved)
 */
public record ContactView(
    AccountView form,
    String action,
    String viewer,
    String status,
    String helperName,
    String outcome,
    List<Line> messages,
    List<Shown> reveals,
    List<InboxRow> inbox,
    Set<String> can,
    List<String> revealKinds) {

  public ContactView {
    Objects.requireNonNull(form, "form");
    action = Objects.requireNonNullElse(action, "");
    viewer = Objects.requireNonNullElse(viewer, "");
    status = Objects.requireNonNullElse(status, "");
    helperName = Objects.requireNonNullElse(helperName, "");
    outcome = Objects.requireNonNullElse(outcome, "");
    messages = List.copyOf(messages);
    reveals = List.copyOf(reveals);
    inbox = List.copyOf(inbox);
    can = Set.copyOf(can);
    revealKinds = List.copyOf(revealKinds);
  }

  /** A page that is only a form (the contact form, a message page). */
  public static ContactView of(AccountView form) {
    return new ContactView(
        form, "", "", "", "", "", List.of(), List.of(), List.of(), Set.of(), List.of());
  }

  public boolean can(String what) {
    return can.contains(what);
  }

  /** One message. {@code from} is "you" or the other party's name for them. */
  public record Line(String from, String text, String sentAt) {}

  /** A channel one side showed the other. */
  public record Shown(String from, String kind, String value) {}

  /** One request in the helper's inbox. */
  public record InboxRow(
      String id, String status, String issue, int messages, String lastActivity) {}
}
