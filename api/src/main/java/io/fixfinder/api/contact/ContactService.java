package io.fixfinder.api.contact;

import io.fixfinder.api.account.HelperAuth;
import io.fixfinder.api.account.InvalidInput;
import io.fixfinder.api.contact.ContactProblems.Op;
import io.fixfinder.api.people.People;
import io.fixfinder.api.problem.ApiException;
import io.fixfinder.api.protect.ClientKey;
import io.fixfinder.api.protect.RateLimiter;
import io.fixfinder.core.helpers.contact.EmailAddresses;
import io.fixfinder.core.helpers.contact.InvalidContactException;
import io.fixfinder.core.helpers.contact.PhoneNumbers;
import io.fixfinder.core.helpers.contact.VideoCallLinks;
import io.fixfinder.store.accounts.EmailAddress;
import io.fixfinder.store.accounts.Session;
import io.fixfinder.store.contact.ChannelKind;
import io.fixfinder.store.contact.ContactRequest;
import io.fixfinder.store.contact.ContactResult;
import io.fixfinder.store.contact.ContactStore;
import io.fixfinder.store.contact.ContactThread;
import io.fixfinder.store.contact.Created;
import io.fixfinder.store.contact.FixOutcome;
import io.fixfinder.store.contact.HelperReport;
import io.fixfinder.store.contact.Message;
import io.fixfinder.store.contact.Party;
import io.fixfinder.store.contact.RequestStatus;
import io.fixfinder.store.contact.Reveal;
import io.fixfinder.store.helpers.ContactChannels;
import io.fixfinder.store.helpers.PublicProfile;
import io.javalin.http.Context;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The contact flows the JSON API and the pages both run. The customer is identified by the
 * capability of their private link; the helper by their session (the caller checks the CSRF token
 * of a change). Each method returns or throws an {@link ApiException}.
 */
public final class ContactService {
  /**
   * New requests per client address and per customer address: a contact form cannot become a spam
   * gun.
   */
  static final int REQUESTS_PER_MINUTE = 2;

  static final int REQUEST_BURST = 5;

  private static final SecureRandom RANDOM = new SecureRandom();
  static final int MAX_QUERY = 500;

  private final People people;
  private final HelperAuth auth;
  private final ClientKey clients;
  private final RateLimiter limiter;
  private final ContactMails mails;

  public ContactService(People people, HelperAuth auth, ClientKey clients, RateLimiter limiter) {
    this.people = people;
    this.auth = auth;
    this.clients = clients;
    this.limiter = limiter;
    this.mails = new ContactMails(people.mailer(), people.linkBase());
  }

  /** The limiter for new requests and reports, as the composition root sizes it. */
  public static RateLimiter limiter() {
    return new RateLimiter(REQUESTS_PER_MINUTE, REQUEST_BURST, 4L * 1024 * 1024, System::nanoTime);
  }

  public HelperAuth auth() {
    return auth;
  }

  /** How long an idle request lives. */
  public java.time.Duration retention() {
    return store().retention();
  }

  private ContactStore store() {
    return people.contact();
  }

  /** A request just made: the capability and the private link, shown this once. */
  public record Sent(String requestId, String capability, String link) {
    @Override
    public String toString() {
      return "Sent[" + requestId + ", capability=***]";
    }
  }

  /** The helper a request can go to (listed: verified, not suspended). */
  public PublicProfile helper(String helperId) {
    return people.profiles().publicProfile(helperId).orElseThrow(ContactProblems::unknownHelper);
  }

  /**
   * A customer's new request. A filled honeypot is a bot: it gets an answer shaped like the real
   * one (a link that opens nothing) and nothing is stored or sent.
   *
   * @param issue the issue the customer was looking at, or ""
   * @param query what they searched for, or ""; it heads the first message
   */
  public Sent create(
      Context ctx,
      String helperId,
      String email,
      String issue,
      String query,
      String message,
      String honeypot) {
    auth.requireSameOrigin(ctx);
    RateLimiter.Decision d = limiter.acquire(clients.of(ctx));
    if (!d.allowed()) throw ApiException.rateLimited(d.retryAfterSeconds());
    // Per address mailed too: each request mails its customer, so the form must not become a way
    // to flood someone else's mailbox from many client addresses.
    if (email != null && !email.isBlank()) {
      RateLimiter.Decision m = limiter.acquire("mail:" + email.strip().toLowerCase(Locale.ROOT));
      if (!m.allowed()) throw ApiException.rateLimited(m.retryAfterSeconds());
    }
    PublicProfile helper = helper(helperId);
    if (honeypot != null && !honeypot.isEmpty()) return decoy();
    if (message == null || message.isBlank()) throw InvalidInput.of("message", "must not be empty");
    String q = query == null ? "" : query.strip();
    if (q.length() > MAX_QUERY) {
      throw InvalidInput.of("query", "must be at most " + MAX_QUERY + " characters");
    }
    String text = q.isEmpty() ? message : "I searched for: " + q + "\n\n" + message;
    String issueId = issue == null || issue.isBlank() ? "none" : issue.strip();
    ContactResult<Created> result = store().create(helper.id(), issueId, email, text);
    // The store checks the first message, which is the query and the message together.
    if (result instanceof ContactResult.Invalid<Created> bad && bad.field().equals("text")) {
      throw InvalidInput.of("message", bad.detail());
    }
    Created created = ContactProblems.value(result, ContactProblems.unknownHelper(), Op.OTHER);
    String id = created.request().id();
    people
        .accounts()
        .mailAddressOfListed(helper.id())
        .map(EmailAddress::value)
        .ifPresent(to -> mails.newRequest(to, id));
    mails.requestSent(email.strip(), created.capability(), helper.profile().displayName());
    return new Sent(id, created.capability(), mails.link(created.capability()));
  }

  /** A well-formed capability that opens nothing, for the honeypot's answer. */
  private Sent decoy() {
    byte[] id = new byte[16];
    byte[] secret = new byte[32];
    RANDOM.nextBytes(id);
    RANDOM.nextBytes(secret);
    String token =
        HexFormat.of().formatHex(id)
            + "."
            + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    return new Sent(HexFormat.of().formatHex(id), token, mails.link(token));
  }

  // ---- the customer, by capability ----

  public ContactThread customerThread(String capability) {
    return ContactProblems.value(
        store().thread(new Party.Customer(capability)),
        ContactProblems.unknownCapability(),
        Op.OTHER);
  }

  /**
   * The customer writes. Once the request is accepted the helper is mailed a notice (before, the
   * new-request mail already sent them to it).
   */
  public Message customerPost(Context ctx, String capability, String text) {
    auth.requireSameOrigin(ctx);
    Message m =
        ContactProblems.value(
            store().post(new Party.Customer(capability), text),
            ContactProblems.unknownCapability(),
            Op.OTHER);
    tellHelper(capability, "wrote to you");
    return m;
  }

  private void tellHelper(String capability, String what) {
    ContactRequest r = customerThread(capability).request();
    if (r.status() != RequestStatus.ACCEPTED) return;
    people
        .accounts()
        .mailAddressOfListed(r.helperId())
        .map(EmailAddress::value)
        .ifPresent(to -> mails.customerWrote(to, r.id(), what));
  }

  /** The customer shows a channel of theirs: normalised (a phone to E.164) and checked. */
  public Reveal customerReveal(Context ctx, String capability, String kind, String value) {
    auth.requireSameOrigin(ctx);
    ContactThread thread = customerThread(capability);
    ChannelKind k = kind(kind);
    String region =
        people
            .profiles()
            .publicProfile(thread.request().helperId())
            .map(p -> p.profile().country())
            .orElse("");
    String normalised = normalise(k, value, region);
    Reveal r =
        ContactProblems.value(
            store().reveal(new Party.Customer(capability), k, normalised),
            ContactProblems.unknownCapability(),
            Op.OTHER);
    tellHelper(capability, "shared a way to reach them");
    return r;
  }

  public ContactRequest close(Context ctx, String capability, String outcome) {
    auth.requireSameOrigin(ctx);
    FixOutcome o = outcome(outcome);
    return ContactProblems.value(
        store().close(new Party.Customer(capability), o),
        ContactProblems.unknownCapability(),
        Op.OTHER);
  }

  /** The customer reports the helper of their request to the operator. */
  public HelperReport report(Context ctx, String capability, String reason) {
    auth.requireSameOrigin(ctx);
    RateLimiter.Decision d = limiter.acquire(clients.of(ctx));
    if (!d.allowed()) throw ApiException.rateLimited(d.retryAfterSeconds());
    ContactRequest request = customerThread(capability).request();
    return ContactProblems.value(
        store().report(request.helperId(), reason, Optional.of(request.id())),
        ContactProblems.unknownCapability(),
        Op.OTHER);
  }

  // ---- the helper, by session ----

  public List<ContactRequest> inbox(Session session) {
    return store().inbox(session.helperId());
  }

  public ContactThread helperThread(Session session, String requestId) {
    return ContactProblems.value(
        store().thread(new Party.Helper(session.helperId(), requestId)),
        ContactProblems.unknownRequest(),
        Op.OTHER);
  }

  public ContactRequest accept(Session session, String requestId) {
    ContactRequest r =
        ContactProblems.value(
            store().accept(new Party.Helper(session.helperId(), requestId)),
            ContactProblems.unknownRequest(),
            Op.ANSWER);
    tellCustomer(r.id(), "accepted your request");
    return r;
  }

  public ContactRequest decline(Session session, String requestId) {
    ContactRequest r =
        ContactProblems.value(
            store().decline(new Party.Helper(session.helperId(), requestId)),
            ContactProblems.unknownRequest(),
            Op.ANSWER);
    tellCustomer(r.id(), "cannot take on your request, sorry; try another helper");
    return r;
  }

  public Message helperPost(Session session, String requestId, String text) {
    Message m =
        ContactProblems.value(
            store().post(new Party.Helper(session.helperId(), requestId), text),
            ContactProblems.unknownRequest(),
            Op.OTHER);
    tellCustomer(requestId, "wrote to you");
    return m;
  }

  /** The helper shows one of the channels saved on their account. */
  public Reveal helperReveal(Session session, String requestId, String kind) {
    ChannelKind k = kind(kind);
    ContactChannels saved = people.profiles().channels(session);
    Optional<String> value =
        switch (k) {
          case EMAIL -> saved.email();
          case PHONE -> saved.phone();
          case VIDEO -> saved.video();
        };
    // The request first: someone else's request is 404 whatever the channels hold.
    helperThread(session, requestId);
    if (value.isEmpty()) {
      throw InvalidInput.of(
          "kind", "you have not saved a " + k.wire() + " channel: add it on your channels page");
    }
    Reveal r =
        ContactProblems.value(
            store().reveal(new Party.Helper(session.helperId(), requestId), k, value.get()),
            ContactProblems.unknownRequest(),
            Op.OTHER);
    tellCustomer(requestId, "shared a way to reach them");
    return r;
  }

  /** The kinds of channel the helper has saved and so can reveal. */
  public List<String> savedKinds(Session session) {
    ContactChannels c = people.profiles().channels(session);
    List<String> kinds = new ArrayList<>();
    if (c.email().isPresent()) kinds.add("email");
    if (c.phone().isPresent()) kinds.add("phone");
    if (c.video().isPresent()) kinds.add("video");
    return kinds;
  }

  /** The display name of a listed helper, or "". */
  public String helperName(String helperId) {
    return people.profiles().publicProfile(helperId).map(p -> p.profile().displayName()).orElse("");
  }

  private void tellCustomer(String requestId, String what) {
    store().customerAddress(requestId).ifPresent(to -> mails.reply(to, what));
  }

  static ChannelKind kind(String kind) {
    return ChannelKind.fromWire(kind == null ? "" : kind.strip().toLowerCase(Locale.ROOT))
        .orElseThrow(() -> InvalidInput.of("kind", "must be email, phone or video"));
  }

  /** {@code fixed}, {@code not-fixed} or {@code gave-up} (underscores accepted too). */
  static FixOutcome outcome(String outcome) {
    String wire = outcome == null ? "" : outcome.strip().toLowerCase(Locale.ROOT).replace('-', '_');
    return FixOutcome.fromWire(wire)
        .orElseThrow(() -> InvalidInput.of("outcome", "must be fixed, not-fixed or gave-up"));
  }

  /** The wire form of an outcome on our API: {@code not-fixed}, not the store's underscore. */
  static String outcomeWire(FixOutcome o) {
    return o.wire().replace('_', '-');
  }

  private static String normalise(ChannelKind kind, String raw, String region) {
    if (raw == null || raw.isBlank()) throw InvalidInput.of("value", "must not be empty");
    try {
      return switch (kind) {
        case EMAIL -> EmailAddresses.normalise(raw);
        case PHONE -> PhoneNumbers.normalise(raw, region);
        case VIDEO -> VideoCallLinks.normalise(raw);
      };
    } catch (InvalidContactException e) {
      // The core's messages name what is wrong, never the value.
      throw InvalidInput.of("value", e.getMessage());
    } catch (IllegalArgumentException e) {
      throw InvalidInput.of("value", "this " + kind.wire() + " cannot be read");
    }
  }
}
