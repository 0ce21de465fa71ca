package io.fixfinder.api.contact;

import io.fixfinder.api.account.JsonBody;
import io.fixfinder.api.problem.ApiException;
import io.fixfinder.store.accounts.Session;
import io.fixfinder.store.contact.ContactRequest;
import io.fixfinder.store.contact.ContactThread;
import io.fixfinder.store.contact.HelperReport;
import io.fixfinder.store.contact.Message;
import io.fixfinder.store.contact.Reveal;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Contact requests as JSON. The customer's endpoints sit under {@code /api/contact/{token}} (the
 * token is the capability of their private link); the helper's under {@code /api/account/requests}
 * (session cookie; changes need {@code X-CSRF-Token}). Every answer is {@code no-store}.
 */
public final class ContactHandler {
  private final Optional<ContactService> service;

  /**
   * @param service empty when the server runs without the people side: every endpoint is 404
   */
  public ContactHandler(Optional<ContactService> service) {
    this.service = service;
  }

  ContactService s() {
    return service.orElseThrow(ContactHandler::notServed);
  }

  static ApiException notServed() {
    return ApiException.notFound("Contact requests are not served by this server");
  }

  /** A new request: the private link, shown this once. */
  public record SentView(String requestId, String status, String capability, String link) {}

  /** A request without its messages (the inbox, the answer to accept or close). */
  public record RequestView(
      String id,
      String helperId,
      String issueId,
      String status,
      int messageCount,
      Instant createdAt,
      Instant lastActivityAt,
      Instant expiresAt,
      String outcome) {
    static RequestView of(ContactRequest r, java.time.Duration retention) {
      return new RequestView(
          r.id(),
          r.helperId(),
          r.issueId(),
          r.status().wire(),
          r.messageCount(),
          r.createdAt(),
          r.lastActivityAt(),
          r.lastActivityAt().plus(retention),
          r.outcome().map(ContactService::outcomeWire).orElse(null));
    }
  }

  public record MessageView(int seq, String from, String text, Instant sentAt) {
    static MessageView of(Message m) {
      return new MessageView(m.seq(), m.side().wire(), m.text(), m.sentAt());
    }
  }

  /** A channel one side showed the other: only after acceptance, only when its owner chose. */
  public record RevealView(String from, String kind, String value, Instant revealedAt) {
    static RevealView of(Reveal r) {
      return new RevealView(r.side().wire(), r.kind().wire(), r.value(), r.revealedAt());
    }
  }

  public record ThreadView(
      RequestView request, String viewer, List<MessageView> messages, List<RevealView> reveals) {
    static ThreadView of(ContactThread t, java.time.Duration retention) {
      return new ThreadView(
          RequestView.of(t.request(), retention),
          t.viewer().wire(),
          t.messages().stream().map(MessageView::of).toList(),
          t.reveals().stream().map(RevealView::of).toList());
    }
  }

  public record ReportView(String id, String status, Instant reportedAt) {
    static ReportView of(HelperReport r) {
      return new ReportView(r.id(), "reported", r.reportedAt());
    }
  }

  public record InboxView(List<RequestView> requests) {}

  // ---- the customer ----

  public void create(Context ctx) {
    JsonBody b = JsonBody.read(ctx, Set.of("email", "issue", "query", "message", "website"));
    ContactService.Sent sent =
        s().create(
                ctx,
                ctx.pathParam("id"),
                b.optText("email").orElse(""),
                b.optText("issue").orElse(""),
                b.optText("query").orElse(""),
                b.optText("message").orElse(""),
                b.optText("website").orElse(""));
    noStore(ctx)
        .status(201)
        .json(new SentView(sent.requestId(), "open", sent.capability(), sent.link()));
  }

  public void thread(Context ctx) {
    noStore(ctx).json(ThreadView.of(s().customerThread(token(ctx)), retention()));
  }

  public void customerMessage(Context ctx) {
    JsonBody b = JsonBody.read(ctx, Set.of("text"));
    Message m = s().customerPost(ctx, token(ctx), b.optText("text").orElse(""));
    noStore(ctx).status(201).json(MessageView.of(m));
  }

  public void customerReveal(Context ctx) {
    JsonBody b = JsonBody.read(ctx, Set.of("kind", "value"));
    Reveal r =
        s().customerReveal(
                ctx, token(ctx), b.optText("kind").orElse(""), b.optText("value").orElse(""));
    noStore(ctx).json(RevealView.of(r));
  }

  public void close(Context ctx) {
    JsonBody b = JsonBody.read(ctx, Set.of("outcome"));
    ContactRequest r = s().close(ctx, token(ctx), b.optText("outcome").orElse(""));
    noStore(ctx).json(RequestView.of(r, retention()));
  }

  public void report(Context ctx) {
    JsonBody b = JsonBody.read(ctx, Set.of("reason"));
    HelperReport r = s().report(ctx, token(ctx), b.optText("reason").orElse(""));
    noStore(ctx).status(201).json(ReportView.of(r));
  }

  // ---- the helper ----

  public void inbox(Context ctx) {
    Session session = s().auth().require(ctx);
    noStore(ctx)
        .json(
            new InboxView(
                s().inbox(session).stream().map(r -> RequestView.of(r, retention())).toList()));
  }

  public void helperThread(Context ctx) {
    Session session = s().auth().require(ctx);
    noStore(ctx).json(ThreadView.of(s().helperThread(session, ctx.pathParam("id")), retention()));
  }

  public void accept(Context ctx) {
    Session session = owner(ctx);
    noStore(ctx).json(RequestView.of(s().accept(session, ctx.pathParam("id")), retention()));
  }

  public void decline(Context ctx) {
    Session session = owner(ctx);
    noStore(ctx).json(RequestView.of(s().decline(session, ctx.pathParam("id")), retention()));
  }

  public void helperMessage(Context ctx) {
    Session session = owner(ctx);
    JsonBody b = JsonBody.read(ctx, Set.of("text"));
    Message m = s().helperPost(session, ctx.pathParam("id"), b.optText("text").orElse(""));
    noStore(ctx).status(201).json(MessageView.of(m));
  }

  public void helperReveal(Context ctx) {
    Session session = owner(ctx);
    JsonBody b = JsonBody.read(ctx, Set.of("kind"));
    Reveal r = s().helperReveal(session, ctx.pathParam("id"), b.optText("kind").orElse(""));
    noStore(ctx).json(RevealView.of(r));
  }

  private Session owner(Context ctx) {
    Session session = s().auth().require(ctx);
    s().auth().requireCsrf(ctx, session);
    return session;
  }

  private java.time.Duration retention() {
    return s().retention();
  }

  static String token(Context ctx) {
    return ctx.pathParam("token");
  }

  static Context noStore(Context ctx) {
    return ctx.header("Cache-Control", "no-store");
  }
}
