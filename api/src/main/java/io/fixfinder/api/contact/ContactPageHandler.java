package io.fixfinder.api.contact;

import io.fixfinder.api.account.AccountPageHandler;
import io.fixfinder.api.account.InvalidInput;
import io.fixfinder.api.problem.ApiException;
import io.fixfinder.api.problem.ProblemMapper;
import io.fixfinder.core.model.IssueCluster;
import io.fixfinder.indexer.view.IssueView;
import io.fixfinder.store.accounts.Session;
import io.fixfinder.store.contact.ContactRequest;
import io.fixfinder.store.contact.ContactThread;
import io.fixfinder.store.contact.RequestStatus;
import io.fixfinder.store.contact.Side;
import io.fixfinder.store.helpers.PublicProfile;
import io.fixfinder.ui.AccountPages;
import io.fixfinder.ui.AccountPages.Page;
import io.fixfinder.ui.AccountView;
import io.fixfinder.ui.AccountView.FormError;
import io.fixfinder.ui.ContactView;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The contact pages: plain forms that work without JavaScript, each change a POST answered by a
 * redirect to the page it changed (POST/redirect/GET; the notice rides in {@code ?done=}). A
 * refused form comes back with what was typed, an error summary and the status a problem would
 * carry. The customer's pages are opened by the capability in their path; the helper's need the
 * session, and a change its CSRF token.
 */
public final class ContactPageHandler {
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private static final Map<String, String> NOTICES =
      Map.of(
          "sent",
              "Your request is sent. Bookmark this page: its address is your private link (we mailed it to you too).",
          "message", "Your message is sent.",
          "reveal", "Shared. The other person sees it on this page.",
          "closed", "Thank you: the request is closed.",
          "reported", "Thank you: the operator will look at your report.",
          "accepted", "You accepted the request; the person is told by mail.",
          "declined", "You declined the request; the person is told by mail.");

  private final Optional<ContactService> service;
  private final IssueView issues;
  private final AccountPages pages = new AccountPages();

  /**
   * @param issues to name the issue a request is about on the helper's pages
   */
  public ContactPageHandler(Optional<ContactService> service, IssueView issues) {
    this.service = service;
    this.issues = issues;
  }

  /** What a request is about, for the helper: the issue's label, its id if it has none. */
  private String about(String issueId) {
    if (issueId.equals("none")) return "your skills";
    return issues.issue(issueId).map(IssueCluster::label).filter(l -> !l.isBlank()).orElse(issueId);
  }

  private ContactService s() {
    return service.orElseThrow(ContactHandler::notServed);
  }

  // ---- the customer ----

  public void contactForm(Context ctx) {
    Optional<PublicProfile> helper = helper(ctx);
    if (helper.isEmpty()) return;
    Map<String, String> values = new HashMap<>();
    values.put("issue", limited(ctx.queryParam("issue"), 80));
    values.put("query", limited(ctx.queryParam("q"), ContactService.MAX_QUERY));
    showForm(ctx, 200, helper.get(), values, List.of());
  }

  public void contact(Context ctx) {
    Optional<PublicProfile> helper = helper(ctx);
    if (helper.isEmpty()) return;
    Map<String, String> typed = typed(ctx, "email", "issue", "query", "message");
    try {
      ContactService.Sent sent =
          s().create(
                  ctx,
                  helper.get().id(),
                  form(ctx, "email"),
                  form(ctx, "issue"),
                  form(ctx, "query"),
                  form(ctx, "message"),
                  form(ctx, "website"));
      ctx.redirect("/contact/" + sent.capability() + "?done=sent", HttpStatus.SEE_OTHER);
    } catch (ApiException e) {
      e.headers().forEach(ctx::header);
      showForm(ctx, e.status(), helper.get(), typed, errors(e, "message"));
    }
  }

  public void customerThread(Context ctx) {
    try {
      ContactThread t = s().customerThread(ContactHandler.token(ctx));
      showThread(ctx, 200, t, notice(ctx), List.of(), Map.of());
    } catch (ApiException e) {
      message(ctx, e, "This link opens no request");
    }
  }

  public void customerMessage(Context ctx) {
    customerChange(ctx, "message", "text", c -> s().customerPost(c, token(c), form(c, "text")));
  }

  public void customerReveal(Context ctx) {
    customerChange(
        ctx,
        "reveal",
        "value",
        c -> s().customerReveal(c, token(c), form(c, "kind"), form(c, "value")));
  }

  public void close(Context ctx) {
    customerChange(ctx, "closed", "outcome", c -> s().close(c, token(c), form(c, "outcome")));
  }

  public void report(Context ctx) {
    customerChange(ctx, "reported", "reason", c -> s().report(c, token(c), form(c, "reason")));
  }

  private void customerChange(
      Context ctx, String done, String field, java.util.function.Consumer<Context> change) {
    String token = ContactHandler.token(ctx);
    try {
      change.accept(ctx);
      ctx.redirect("/contact/" + token + "?done=" + done, HttpStatus.SEE_OTHER);
    } catch (ApiException e) {
      ContactThread t;
      try {
        t = s().customerThread(token);
      } catch (ApiException gone) {
        message(ctx, gone, "This link opens no request");
        return;
      }
      e.headers().forEach(ctx::header);
      showThread(ctx, e.status(), t, "", errors(e, field), typed(ctx, "text", "value", "kind"));
    }
  }

  // ---- the helper ----

  public void inbox(Context ctx) {
    Optional<Session> session = signedIn(ctx);
    if (session.isEmpty()) return;
    List<ContactView.InboxRow> rows =
        s().inbox(session.get()).stream()
            .map(
                r ->
                    new ContactView.InboxRow(
                        r.id(),
                        r.status().wire(),
                        about(r.issueId()),
                        r.messageCount(),
                        WHEN.format(r.lastActivityAt())))
            .toList();
    AccountView form =
        new AccountView(
            "Requests", session.get().csrfSecret(), true, List.of(), Map.of(), notice(ctx));
    ContactView view =
        new ContactView(
            form, "", "helper", "", "", "", List.of(), List.of(), rows, Set.of(), List.of());
    render(ctx, 200, Page.CONTACT_INBOX, view);
  }

  public void helperThread(Context ctx) {
    Optional<Session> session = signedIn(ctx);
    if (session.isEmpty()) return;
    try {
      ContactThread t = s().helperThread(session.get(), ctx.pathParam("id"));
      showHelperThread(ctx, 200, session.get(), t, notice(ctx), List.of(), Map.of());
    } catch (ApiException e) {
      message(ctx, e, "No such request");
    }
  }

  public void accept(Context ctx) {
    helperChange(ctx, "accepted", FormError.FORM, (sn, id) -> s().accept(sn, id));
  }

  public void decline(Context ctx) {
    helperChange(ctx, "declined", FormError.FORM, (sn, id) -> s().decline(sn, id));
  }

  public void helperMessage(Context ctx) {
    helperChange(ctx, "message", "text", (sn, id) -> s().helperPost(sn, id, form(ctx, "text")));
  }

  public void helperReveal(Context ctx) {
    helperChange(ctx, "reveal", "kind", (sn, id) -> s().helperReveal(sn, id, form(ctx, "kind")));
  }

  private void helperChange(
      Context ctx,
      String done,
      String field,
      java.util.function.BiConsumer<Session, String> change) {
    Optional<Session> session = owner(ctx);
    if (session.isEmpty()) return;
    String id = ctx.pathParam("id");
    try {
      change.accept(session.get(), id);
      ctx.redirect("/account/requests/" + id + "?done=" + done, HttpStatus.SEE_OTHER);
    } catch (ApiException e) {
      ContactThread t;
      try {
        t = s().helperThread(session.get(), id);
      } catch (ApiException gone) {
        message(ctx, gone, "No such request");
        return;
      }
      e.headers().forEach(ctx::header);
      showHelperThread(ctx, e.status(), session.get(), t, "", errors(e, field), typed(ctx, "text"));
    }
  }

  // ---- views ----

  private Optional<PublicProfile> helper(Context ctx) {
    try {
      return Optional.of(s().helper(ctx.pathParam("id")));
    } catch (ApiException e) {
      message(ctx, e, "No such helper");
      return Optional.empty();
    }
  }

  private void showForm(
      Context ctx,
      int status,
      PublicProfile helper,
      Map<String, String> values,
      List<FormError> errors) {
    String name = helper.profile().displayName();
    AccountView form = AccountView.form("Ask " + name + " for help", values, errors);
    ContactView view =
        new ContactView(
            form,
            "/helper/" + helper.id() + "/contact",
            "customer",
            "",
            name,
            "",
            List.of(),
            List.of(),
            List.of(),
            Set.of(),
            List.of());
    render(ctx, status, Page.CONTACT_FORM, view);
  }

  private void showThread(
      Context ctx,
      int status,
      ContactThread t,
      String notice,
      List<FormError> errors,
      Map<String, String> typed) {
    ContactRequest r = t.request();
    String helperName = s().helperName(r.helperId());
    String other = helperName.isEmpty() ? "The helper" : helperName;
    Set<String> can = new HashSet<>();
    if (r.status() == RequestStatus.OPEN || r.status() == RequestStatus.ACCEPTED) can.add("write");
    if (r.status() == RequestStatus.ACCEPTED) {
      can.add("reveal");
      can.add("close");
    }
    can.add("report");
    AccountView form =
        new AccountView("Your request to " + other, "", false, errors, typed, notice);
    ContactView view =
        new ContactView(
            form,
            "/contact/" + ContactHandler.token(ctx),
            "customer",
            r.status().wire(),
            helperName,
            r.outcome().map(ContactService::outcomeWire).orElse(""),
            lines(t, Side.CUSTOMER, other),
            shown(t, Side.CUSTOMER, other),
            List.of(),
            can,
            List.of("email", "phone", "video"));
    render(ctx, status, Page.CONTACT_THREAD, view);
  }

  private void showHelperThread(
      Context ctx,
      int status,
      Session session,
      ContactThread t,
      String notice,
      List<FormError> errors,
      Map<String, String> typed) {
    ContactRequest r = t.request();
    Set<String> can = new HashSet<>();
    List<String> kinds = List.of();
    if (r.status() == RequestStatus.OPEN) can.add("answer");
    if (r.status() == RequestStatus.ACCEPTED) {
      can.add("write");
      kinds = s().savedKinds(session);
      if (!kinds.isEmpty()) can.add("reveal");
    }
    AccountView form =
        new AccountView(
            "Request about " + about(r.issueId()),
            session.csrfSecret(),
            true,
            errors,
            typed,
            notice);
    ContactView view =
        new ContactView(
            form,
            "/account/requests/" + r.id(),
            "helper",
            r.status().wire(),
            "",
            r.outcome().map(ContactService::outcomeWire).orElse(""),
            lines(t, Side.HELPER, "The person asking"),
            shown(t, Side.HELPER, "The person asking"),
            List.of(),
            can,
            kinds);
    render(ctx, status, Page.CONTACT_THREAD, view);
  }

  private static List<ContactView.Line> lines(ContactThread t, Side me, String other) {
    return t.messages().stream()
        .map(
            m ->
                new ContactView.Line(
                    m.side() == me ? "You" : other, m.text(), WHEN.format(m.sentAt())))
        .toList();
  }

  private static List<ContactView.Shown> shown(ContactThread t, Side me, String other) {
    return t.reveals().stream()
        .map(r -> new ContactView.Shown(r.side() == me ? "You" : other, r.kind().wire(), r.value()))
        .toList();
  }

  /**
   * The session, or a redirect to the sign-in page that comes back here (a helper follows a mailed
   * link to a request while signed out), and empty.
   */
  private Optional<Session> signedIn(Context ctx) {
    Optional<Session> session = s().auth().current(ctx);
    if (session.isEmpty()) {
      ctx.redirect(AccountPageHandler.signInThen(ctx.path()), HttpStatus.SEE_OTHER);
    }
    return session;
  }

  /** The session of a form that changes something, its CSRF token checked; else a page. */
  private Optional<Session> owner(Context ctx) {
    Optional<Session> session = signedIn(ctx);
    if (session.isEmpty()) return session;
    try {
      s().auth().requireCsrf(ctx, session.get());
      return session;
    } catch (ApiException e) {
      AccountView form =
          new AccountView(
              "Nothing was changed",
              session.get().csrfSecret(),
              true,
              List.of(
                  new FormError(
                      FormError.FORM,
                      "This form did not come from your FixFinder page, or it has expired. Open"
                          + " the page again and retry.")),
              Map.of(),
              "");
      e.headers().forEach(ctx::header);
      render(ctx, e.status(), Page.CONTACT_MESSAGE, ContactView.of(form));
      return Optional.empty();
    }
  }

  private void message(Context ctx, ApiException e, String title) {
    e.headers().forEach(ctx::header);
    AccountView form =
        new AccountView(
            title,
            s().auth().current(ctx).map(Session::csrfSecret).orElse(""),
            s().auth().current(ctx).isPresent(),
            List.of(new FormError(FormError.FORM, e.getMessage())),
            Map.of(),
            "");
    render(ctx, e.status(), Page.CONTACT_MESSAGE, ContactView.of(form));
  }

  private static String notice(Context ctx) {
    String done = ctx.queryParam("done");
    return done == null ? "" : NOTICES.getOrDefault(done, "");
  }

  /** What each field is called on the pages, so that an error says which input it is about. */
  private static final Map<String, String> LABELS =
      Map.of(
          "email", "Your email address",
          "query", "What you searched for",
          "issue", "The issue",
          "message", "Your message",
          "text", "The message",
          "kind", "What to share",
          "value", "The contact detail",
          "outcome", "How it ended",
          "reason", "What happened");

  private static List<FormError> errors(ApiException e, String field) {
    if (e instanceof InvalidInput invalid) {
      return invalid.errors().stream()
          .map(
              f ->
                  new FormError(
                      f.field(),
                      LABELS.containsKey(f.field())
                          ? LABELS.get(f.field()) + ": " + f.message()
                          : capitalise(f.message())))
          .toList();
    }
    return List.of(new FormError(field, e.getMessage()));
  }

  private static String capitalise(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private static Map<String, String> typed(Context ctx, String... fields) {
    Map<String, String> out = new HashMap<>();
    for (String f : fields) out.put(f, limited(ctx.formParam(f), 5000));
    return out;
  }

  private static String limited(String v, int max) {
    if (v == null) return "";
    return v.length() > max ? v.substring(0, max) : v;
  }

  private static String token(Context ctx) {
    return ContactHandler.token(ctx);
  }

  private static String form(Context ctx, String name) {
    return Optional.ofNullable(ctx.formParam(name)).orElse("");
  }

  private void render(Context ctx, int status, Page page, ContactView view) {
    ctx.header("Cache-Control", "no-store");
    if (status >= 400) ProblemMapper.keepBody(ctx);
    ctx.status(status).contentType("text/html; charset=utf-8").result(pages.render(page, view));
  }
}
