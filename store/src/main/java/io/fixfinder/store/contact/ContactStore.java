package io.fixfinder.store.contact;

import io.fixfinder.store.Database;
import io.fixfinder.store.crypto.SecretBox;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Contact requests, their relay threads and the counts that outlive them.
 *
 * <p>The rules, checked here and nowhere else:
 *
 * <ul>
 *   <li>A request starts {@code OPEN} with the customer's first message (message 1). While it is
 *       open the customer may add messages; the helper accepts or declines it. The helper writes
 *       only after accepting: accepting is one click, and it keeps "the helper answered" one clear
 *       event for the response rate and time.
 *   <li>Once {@code ACCEPTED}, both write and either may reveal a channel (email, phone, video
 *       link) to the other; the value is sealed at rest. Before acceptance a reveal is a {@code
 *       Conflict}.
 *   <li>The customer closes an accepted request with an outcome (fixed, not fixed, gave up): the
 *       reputation signal. {@code DECLINED} and {@code CLOSED} are final; nobody writes any more.
 *   <li>A party sees and changes only its own request. A capability opens exactly the request it
 *       was made for; a helper id opens only requests sent to that helper. Everything else, like a
 *       request past its retention time not yet purged, is {@code NotFound}.
 *   <li>A request idle (no message, no state change) for longer than the retention time is gone:
 *       {@link #purgeExpired} deletes it with its messages, reveals and the customer's address.
 *       Reports about a helper are kept as long, counted from the report. Only {@link HelperStats}
 *       survive.
 *   <li>Deleting a helper's account ({@link #deleteForHelper}) deletes their requests, reports and
 *       counts at once: counts without a helper are nobody's reputation, and a row keyed by the
 *       deleted id would outlive the account.
 * </ul>
 *
 * <p>State changes are single conditional {@code UPDATE}s ({@code ... WHERE status = 'open'}), so
 * two concurrent accepts, or an accept racing a close, cannot both win, on either engine.
 */
public final class ContactStore {
  /** The default for {@code contact.retentionDays}. */
  public static final Duration DEFAULT_RETENTION = Duration.ofDays(14);

  private static final int INBOX_LIMIT = 500;
  private static final int IN_CHUNK = 200;

  private static final String COLUMNS =
      "id, helper_id, issue_id, customer_email_sealed, capability_hash, status, message_count,"
          + " created_at_ms, last_activity_at_ms, accepted_at_ms, first_response_at_ms,"
          + " closed_at_ms, outcome";

  private final Database db;
  private final SecretBox box;
  private final Clock clock;
  private final Duration retention;

  /**
   * @param box seals the customer's address and revealed channels (see {@code SecretKeys})
   * @param retention how long an idle request lives (at least a minute)
   */
  public ContactStore(Database db, SecretBox box, Clock clock, Duration retention) {
    if (retention.compareTo(Duration.ofMinutes(1)) < 0) {
      throw new IllegalArgumentException("the retention must be at least a minute: " + retention);
    }
    this.db = db;
    this.box = box;
    this.clock = clock;
    this.retention = retention;
  }

  public Duration retention() {
    return retention;
  }

  /**
   * A customer's new request to {@code helperId} about {@code issueId}. The capability in the
   * result is shown to the customer once (their private link) and kept only as a hash. The caller
   * checks that the helper exists and is listed.
   */
  public ContactResult<Created> create(
      String helperId, String issueId, String customerEmail, String firstMessage) {
    Optional<ContactResult<Created>> bad =
        firstInvalid(
            check("helperId", Inputs.id(helperId, Inputs.MAX_ID)),
            check("issueId", Inputs.id(issueId, Inputs.MAX_ISSUE)),
            check("email", Inputs.email(customerEmail == null ? null : customerEmail.strip())),
            check("text", Inputs.text(firstMessage, Inputs.MAX_MESSAGE)));
    if (bad.isPresent()) return bad.get();
    String id = Capabilities.newId();
    String secret = Capabilities.newSecret();
    long now = clock.millis();
    String sealed = box.seal(customerEmail.strip(), emailContext(id));
    db.transaction(
        c -> {
          try (PreparedStatement st =
              c.prepareStatement(
                  "INSERT INTO contact_request ("
                      + COLUMNS
                      + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, NULL, NULL)")) {
            st.setString(1, id);
            st.setString(2, helperId);
            st.setString(3, issueId);
            st.setString(4, sealed);
            st.setString(5, Capabilities.hash(secret));
            st.setString(6, RequestStatus.OPEN.wire());
            st.setInt(7, 1);
            st.setLong(8, now);
            st.setLong(9, now);
            st.executeUpdate();
          }
          insertMessage(c, id, 1, Side.CUSTOMER, firstMessage, now);
          count(c, helperId, Counter.RECEIVED);
          return null;
        });
    ContactRequest request =
        new ContactRequest(
            id,
            helperId,
            issueId,
            RequestStatus.OPEN,
            1,
            Instant.ofEpochMilli(now),
            Instant.ofEpochMilli(now),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty());
    return new ContactResult.Done<>(new Created(request, Capabilities.token(id, secret)));
  }

  /** The request, messages and reveals {@code party} may see. */
  public ContactResult<ContactThread> thread(Party party) {
    return db.read(
        c -> {
          Optional<Located> found = locate(c, party);
          if (found.isEmpty()) return new ContactResult.NotFound<>();
          Row row = found.get().row();
          return new ContactResult.Done<>(
              new ContactThread(
                  row.view(), found.get().side(), messages(c, row.id()), reveals(c, row.id())));
        });
  }

  /**
   * The requests sent to {@code helperId}, most recently active first (at most 500; expired ones
   * excluded).
   */
  public List<ContactRequest> inbox(String helperId) {
    if (Inputs.id(helperId, Inputs.MAX_ID).isPresent()) return List.of();
    long cutoff = cutoff(clock.millis());
    return db.read(
        c -> {
          List<ContactRequest> out = new ArrayList<>();
          try (PreparedStatement st =
              c.prepareStatement(
                  "SELECT "
                      + COLUMNS
                      + " FROM contact_request WHERE helper_id = ? AND last_activity_at_ms >= ?"
                      + " ORDER BY last_activity_at_ms DESC, id")) {
            st.setString(1, helperId);
            st.setLong(2, cutoff);
            st.setMaxRows(INBOX_LIMIT);
            try (ResultSet rs = st.executeQuery()) {
              while (rs.next()) out.add(Row.of(rs).view());
            }
          }
          return out;
        });
  }

  /** The helper takes the request on; only while it is open. */
  public ContactResult<ContactRequest> accept(Party.Helper helper) {
    return respond(helper, RequestStatus.ACCEPTED);
  }

  /** The helper turns the request down; only while it is open. Final. */
  public ContactResult<ContactRequest> decline(Party.Helper helper) {
    return respond(helper, RequestStatus.DECLINED);
  }

  private ContactResult<ContactRequest> respond(Party.Helper helper, RequestStatus to) {
    long now = clock.millis();
    return db.transaction(
        c -> {
          Optional<Located> found = locate(c, helper);
          if (found.isEmpty()) return new ContactResult.NotFound<>();
          Row row = found.get().row();
          try (PreparedStatement st =
              c.prepareStatement(
                  "UPDATE contact_request SET status = ?, first_response_at_ms = ?,"
                      + " accepted_at_ms = ?, last_activity_at_ms = ?"
                      + " WHERE id = ? AND status = ?")) {
            st.setString(1, to.wire());
            st.setLong(2, now);
            if (to == RequestStatus.ACCEPTED) st.setLong(3, now);
            else st.setNull(3, java.sql.Types.BIGINT);
            st.setLong(4, now);
            st.setString(5, row.id());
            st.setString(6, RequestStatus.OPEN.wire());
            if (st.executeUpdate() == 0) {
              return conflict(c, row.id(), "only an open request can be accepted or declined");
            }
          }
          count(c, row.helperId(), Counter.ANSWERED);
          countResponseTime(c, row.helperId(), Duration.ofMillis(now - row.createdMs()));
          return new ContactResult.Done<>(load(c, row.id()).orElseThrow().view());
        });
  }

  /**
   * Adds a message to the thread: the customer while the request is open or accepted, the helper
   * once accepted.
   */
  public ContactResult<Message> post(Party party, String text) {
    Optional<String> bad = Inputs.text(text, Inputs.MAX_MESSAGE);
    if (bad.isPresent()) return new ContactResult.Invalid<>("text", bad.get());
    long now = clock.millis();
    return db.transaction(
        c -> {
          Optional<Located> found = locate(c, party);
          if (found.isEmpty()) return new ContactResult.NotFound<>();
          Row row = found.get().row();
          Side side = found.get().side();
          // The customer may add to an open request; the helper writes once they accepted.
          String allowed = side == Side.CUSTOMER ? "('open', 'accepted')" : "('accepted')";
          try (PreparedStatement st =
              c.prepareStatement(
                  "UPDATE contact_request SET message_count = message_count + 1,"
                      + " last_activity_at_ms = ? WHERE id = ? AND status IN "
                      + allowed)) {
            st.setLong(1, now);
            st.setString(2, row.id());
            if (st.executeUpdate() == 0) {
              return conflict(
                  c,
                  row.id(),
                  side == Side.CUSTOMER
                      ? "this request was declined or closed: no more messages"
                      : "accept the request before writing");
            }
          }
          // The UPDATE holds the row's lock to the commit: the sequence number is ours alone.
          int seq = load(c, row.id()).orElseThrow().messageCount();
          insertMessage(c, row.id(), seq, side, text, now);
          return new ContactResult.Done<>(new Message(seq, side, text, Instant.ofEpochMilli(now)));
        });
  }

  /**
   * Shows a channel of {@code party} to the other party: only once the request is accepted. A
   * second reveal of the same kind replaces the first. The caller normalises the value (a phone
   * number to E.164, say); here it is only checked for shape and sealed.
   */
  public ContactResult<Reveal> reveal(Party party, ChannelKind kind, String value) {
    Optional<String> bad = Inputs.channel(kind, value == null ? null : value.strip());
    if (bad.isPresent()) return new ContactResult.Invalid<>("value", bad.get());
    String plain = value.strip();
    long now = clock.millis();
    return db.transaction(
        c -> {
          Optional<Located> found = locate(c, party);
          if (found.isEmpty()) return new ContactResult.NotFound<>();
          Row row = found.get().row();
          Side side = found.get().side();
          try (PreparedStatement st =
              c.prepareStatement(
                  "UPDATE contact_request SET last_activity_at_ms = ? WHERE id = ? AND status = ?")) {
            st.setLong(1, now);
            st.setString(2, row.id());
            st.setString(3, RequestStatus.ACCEPTED.wire());
            if (st.executeUpdate() == 0) {
              return conflict(c, row.id(), "channels can be shown only on an accepted request");
            }
          }
          try (PreparedStatement st =
              c.prepareStatement(
                  "INSERT INTO contact_reveal (request_id, side, kind, value_sealed, revealed_at_ms)"
                      + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (request_id, side, kind) DO UPDATE"
                      + " SET value_sealed = excluded.value_sealed,"
                      + " revealed_at_ms = excluded.revealed_at_ms")) {
            st.setString(1, row.id());
            st.setString(2, side.wire());
            st.setString(3, kind.wire());
            st.setString(4, box.seal(plain, revealContext(row.id(), side, kind)));
            st.setLong(5, now);
            st.executeUpdate();
          }
          return new ContactResult.Done<>(new Reveal(side, kind, plain, Instant.ofEpochMilli(now)));
        });
  }

  /**
   * The customer closes an accepted request and says how it ended; the helper's counts change with
   * it. Final.
   */
  public ContactResult<ContactRequest> close(Party.Customer customer, FixOutcome outcome) {
    long now = clock.millis();
    return db.transaction(
        c -> {
          Optional<Located> found = locate(c, customer);
          if (found.isEmpty()) return new ContactResult.NotFound<>();
          Row row = found.get().row();
          try (PreparedStatement st =
              c.prepareStatement(
                  "UPDATE contact_request SET status = ?, outcome = ?, closed_at_ms = ?,"
                      + " last_activity_at_ms = ? WHERE id = ? AND status = ?")) {
            st.setString(1, RequestStatus.CLOSED.wire());
            st.setString(2, outcome.wire());
            st.setLong(3, now);
            st.setLong(4, now);
            st.setString(5, row.id());
            st.setString(6, RequestStatus.ACCEPTED.wire());
            if (st.executeUpdate() == 0) {
              return conflict(c, row.id(), "only an accepted request can be closed");
            }
          }
          count(
              c,
              row.helperId(),
              switch (outcome) {
                case FIXED -> Counter.FIXED;
                case NOT_FIXED -> Counter.NOT_FIXED;
                case GAVE_UP -> Counter.GAVE_UP;
              });
          return new ContactResult.Done<>(load(c, row.id()).orElseThrow().view());
        });
  }

  /**
   * The customer's address, to tell them of a reply by mail. Only for the mailer: it must not
   * appear in a response, a page or a log line. Empty once the request is gone.
   */
  public Optional<String> customerAddress(String requestId) {
    if (requestId == null || requestId.isEmpty()) return Optional.empty();
    long cutoff = cutoff(clock.millis());
    return db.read(c -> load(c, requestId))
        .filter(r -> r.lastActivityMs() >= cutoff)
        .map(r -> box.open(r.emailSealed(), emailContext(r.id())));
  }

  /**
   * Someone reports {@code helperId} to the operator. A request id, when given, must be one of that
   * helper's live requests. The caller checks that the helper exists (this store does not know the
   * helper table) and limits the rate.
   */
  public ContactResult<HelperReport> report(
      String helperId, String reason, Optional<String> requestId) {
    Optional<ContactResult<HelperReport>> bad =
        firstInvalid(
            check("helperId", Inputs.id(helperId, Inputs.MAX_ID)),
            check("reason", Inputs.text(reason, Inputs.MAX_REASON)));
    if (bad.isPresent()) return bad.get();
    String id = Capabilities.newId();
    long now = clock.millis();
    return db.transaction(
        c -> {
          if (requestId.isPresent()) {
            Optional<Row> row = load(c, requestId.get());
            if (row.isEmpty()
                || !row.get().helperId().equals(helperId)
                || row.get().lastActivityMs() < cutoff(now)) {
              return new ContactResult.NotFound<>();
            }
          }
          try (PreparedStatement st =
              c.prepareStatement(
                  "INSERT INTO helper_report (id, helper_id, request_id, reason, reported_at_ms)"
                      + " VALUES (?, ?, ?, ?, ?)")) {
            st.setString(1, id);
            st.setString(2, helperId);
            st.setString(3, requestId.orElse(null));
            st.setString(4, reason);
            st.setLong(5, now);
            st.executeUpdate();
          }
          count(c, helperId, Counter.REPORTS);
          return new ContactResult.Done<>(
              new HelperReport(id, helperId, requestId, reason, Instant.ofEpochMilli(now)));
        });
  }

  /**
   * Carries a helper's contact record over from elsewhere (the demo's fictional past, say): the
   * counts as given and every answer in the bucket of the median response time. Only a helper
   * without a record gets one, so a rerun changes nothing; false when a record was there already.
   */
  public boolean importRecord(HelperStats r) {
    if (Inputs.id(r.helperId(), Inputs.MAX_ID).isPresent()) {
      throw new IllegalArgumentException("not a helper id: " + r.helperId());
    }
    if (Math.min(Math.min(r.received(), r.answered()), Math.min(r.fixed(), r.notFixed())) < 0
        || r.gaveUp() < 0
        || r.reports() < 0
        || r.answered() > r.received()
        || r.closed() > r.received()
        || r.medianResponseMinutes().isPresent() != (r.answered() > 0)) {
      throw new IllegalArgumentException("an inconsistent contact record: " + r);
    }
    return db.transaction(
        c -> {
          try (PreparedStatement st =
              c.prepareStatement(
                  "INSERT INTO helper_contact_stats"
                      + " (helper_id, received, answered, fixed, not_fixed, gave_up, reports)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (helper_id) DO NOTHING")) {
            st.setString(1, r.helperId());
            long[] v = {
              r.received(), r.answered(), r.fixed(), r.notFixed(), r.gaveUp(), r.reports()
            };
            for (int i = 0; i < v.length; i++) st.setLong(i + 2, v[i]);
            if (st.executeUpdate() == 0) return false;
          }
          if (r.answered() > 0) {
            try (PreparedStatement st =
                c.prepareStatement(
                    "INSERT INTO helper_response_histogram (helper_id, bucket, n) VALUES (?, ?, ?)")) {
              st.setString(1, r.helperId());
              st.setInt(
                  2,
                  ResponseTimes.bucketOf(
                      Duration.ofMinutes(r.medianResponseMinutes().getAsLong())));
              st.setLong(3, r.answered());
              st.executeUpdate();
            }
          }
          return true;
        });
  }

  /** The reports about {@code helperId} still kept, oldest first (for the operator). */
  public List<HelperReport> reportsAbout(String helperId) {
    return reports(" WHERE helper_id = ?", helperId);
  }

  /** Every report still kept, about any helper, oldest first (for the operator). */
  public List<HelperReport> reports() {
    return reports("");
  }

  private List<HelperReport> reports(String where, String... args) {
    return db.read(
        c -> {
          List<HelperReport> out = new ArrayList<>();
          try (PreparedStatement st =
              c.prepareStatement(
                  "SELECT id, helper_id, request_id, reason, reported_at_ms FROM helper_report"
                      + where
                      + " ORDER BY reported_at_ms, id")) {
            for (int i = 0; i < args.length; i++) st.setString(i + 1, args[i]);
            try (ResultSet rs = st.executeQuery()) {
              while (rs.next()) {
                out.add(
                    new HelperReport(
                        rs.getString(1),
                        rs.getString(2),
                        Optional.ofNullable(rs.getString(3)),
                        rs.getString(4),
                        Instant.ofEpochMilli(rs.getLong(5))));
              }
            }
          }
          return out;
        });
  }

  /**
   * The contact record of each helper asked for, in the order asked; a helper nobody contacted yet
   * has {@link HelperStats#none}.
   */
  public Map<String, HelperStats> reputation(Collection<String> helperIds) {
    List<String> ids = new ArrayList<>(new LinkedHashSet<>(helperIds));
    Map<String, long[]> counts = new HashMap<>();
    Map<String, long[]> histograms = new HashMap<>();
    for (int from = 0; from < ids.size(); from += IN_CHUNK) {
      List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IN_CHUNK));
      String in =
          " WHERE helper_id IN (" + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")";
      db.read(
          c -> {
            readStats(c, in, chunk, counts, histograms);
            return null;
          });
    }
    Map<String, HelperStats> out = new LinkedHashMap<>();
    for (String id : ids) out.put(id, stats(id, counts, histograms));
    return out;
  }

  /**
   * The contact record of every helper that has one, in one read: for matching, which ranks many
   * helpers and keeps these in memory rather than asking per search.
   */
  public Map<String, HelperStats> reputationOfAll() {
    Map<String, long[]> counts = new HashMap<>();
    Map<String, long[]> histograms = new HashMap<>();
    db.read(
        c -> {
          readStats(c, "", List.of(), counts, histograms);
          return null;
        });
    Map<String, HelperStats> out = new HashMap<>();
    for (String id : counts.keySet()) out.put(id, stats(id, counts, histograms));
    return out;
  }

  private static HelperStats stats(
      String id, Map<String, long[]> counts, Map<String, long[]> histograms) {
    long[] v = counts.get(id);
    if (v == null) return HelperStats.none(id);
    long[] h = histograms.get(id);
    OptionalLong median = h == null ? OptionalLong.empty() : ResponseTimes.median(h);
    return new HelperStats(id, v[0], v[1], v[2], v[3], v[4], v[5], median);
  }

  private static void readStats(
      Connection c,
      String where,
      List<String> params,
      Map<String, long[]> counts,
      Map<String, long[]> histograms)
      throws SQLException {
    try (PreparedStatement st =
        c.prepareStatement(
            "SELECT helper_id, received, answered, fixed, not_fixed, gave_up, reports"
                + " FROM helper_contact_stats"
                + where)) {
      for (int i = 0; i < params.size(); i++) st.setString(i + 1, params.get(i));
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          long[] v = new long[6];
          for (int i = 0; i < 6; i++) v[i] = rs.getLong(i + 2);
          counts.put(rs.getString(1), v);
        }
      }
    }
    try (PreparedStatement st =
        c.prepareStatement("SELECT helper_id, bucket, n FROM helper_response_histogram" + where)) {
      for (int i = 0; i < params.size(); i++) st.setString(i + 1, params.get(i));
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          int bucket = rs.getInt(2);
          if (bucket < 0 || bucket >= ResponseTimes.UPPER_MINUTES.length) continue;
          histograms
                  .computeIfAbsent(
                      rs.getString(1), k -> new long[ResponseTimes.UPPER_MINUTES.length])[bucket] +=
              rs.getLong(3);
        }
      }
    }
  }

  /**
   * Account deletion: the helper's requests (messages, reveals, customers' addresses), the reports
   * about them and their counts, all at once.
   */
  public Purged deleteForHelper(String helperId) {
    return db.transaction(c -> deleteHelperData(c, helperId));
  }

  /**
   * As {@link #deleteForHelper}, inside the caller's transaction: a {@link
   * io.fixfinder.store.helpers.HelperDataOwner} for {@code HelperDeletion}, so that an account and
   * its contact data go together or not at all.
   */
  public Purged deleteHelperData(java.sql.Connection c, String helperId)
      throws java.sql.SQLException {
    String mine = "SELECT id FROM contact_request WHERE helper_id = ?";
    update(c, "DELETE FROM contact_message WHERE request_id IN (" + mine + ")", helperId);
    update(c, "DELETE FROM contact_reveal WHERE request_id IN (" + mine + ")", helperId);
    int reports = update(c, "DELETE FROM helper_report WHERE helper_id = ?", helperId);
    int requests = update(c, "DELETE FROM contact_request WHERE helper_id = ?", helperId);
    update(c, "DELETE FROM helper_contact_stats WHERE helper_id = ?", helperId);
    update(c, "DELETE FROM helper_response_histogram WHERE helper_id = ?", helperId);
    return new Purged(requests, reports);
  }

  /**
   * Deletes every request idle since before {@code now} minus the retention (with its messages,
   * reveals and the customer's address) and every report older than that. Counts stay.
   */
  public Purged purgeExpired(Instant now) {
    long cutoff = cutoff(now.toEpochMilli());
    return db.transaction(
        c -> {
          String old = "SELECT id FROM contact_request WHERE last_activity_at_ms < ?";
          update(c, "DELETE FROM contact_message WHERE request_id IN (" + old + ")", cutoff);
          update(c, "DELETE FROM contact_reveal WHERE request_id IN (" + old + ")", cutoff);
          int reports = update(c, "DELETE FROM helper_report WHERE reported_at_ms < ?", cutoff);
          // reports younger than the cutoff keep the report but lose the link (ON DELETE SET NULL)
          int requests =
              update(c, "DELETE FROM contact_request WHERE last_activity_at_ms < ?", cutoff);
          return new Purged(requests, reports);
        });
  }

  // ---------------------------------------------------------------------------------------------

  private long cutoff(long nowMs) {
    return nowMs - retention.toMillis();
  }

  static String emailContext(String requestId) {
    return "contact.email:" + requestId;
  }

  static String revealContext(String requestId, Side side, ChannelKind kind) {
    return "contact.reveal:" + requestId + ":" + side.wire() + ":" + kind.wire();
  }

  /** A request row with the side the party takes in it. */
  private record Located(Row row, Side side) {}

  private Optional<Located> locate(Connection c, Party party) throws SQLException {
    long cutoff = cutoff(clock.millis());
    return switch (party) {
      case Party.Customer cu -> {
        Optional<Capabilities.Parsed> parsed = Capabilities.parse(cu.capability());
        if (parsed.isEmpty()) yield Optional.empty();
        yield load(c, parsed.get().requestId())
            .filter(r -> Capabilities.matches(parsed.get().secret(), r.capabilityHash()))
            .filter(r -> r.lastActivityMs() >= cutoff)
            .map(r -> new Located(r, Side.CUSTOMER));
      }
      case Party.Helper h ->
          h.requestId().isEmpty() || h.helperId().isEmpty()
              ? Optional.empty()
              : load(c, h.requestId())
                  .filter(r -> r.helperId().equals(h.helperId()))
                  .filter(r -> r.lastActivityMs() >= cutoff)
                  .map(r -> new Located(r, Side.HELPER));
    };
  }

  private static Optional<Row> load(Connection c, String id) throws SQLException {
    try (PreparedStatement st =
        c.prepareStatement("SELECT " + COLUMNS + " FROM contact_request WHERE id = ?")) {
      st.setString(1, id);
      try (ResultSet rs = st.executeQuery()) {
        return rs.next() ? Optional.of(Row.of(rs)) : Optional.empty();
      }
    }
  }

  private static <T> ContactResult<T> conflict(Connection c, String id, String detail)
      throws SQLException {
    Optional<Row> now = load(c, id);
    return now.isEmpty()
        ? new ContactResult.NotFound<>()
        : new ContactResult.Conflict<>(now.get().status(), detail);
  }

  private static void insertMessage(
      Connection c, String requestId, int seq, Side side, String text, long at)
      throws SQLException {
    try (PreparedStatement st =
        c.prepareStatement(
            "INSERT INTO contact_message (request_id, seq, side, body, sent_at_ms)"
                + " VALUES (?, ?, ?, ?, ?)")) {
      st.setString(1, requestId);
      st.setInt(2, seq);
      st.setString(3, side.wire());
      st.setString(4, text);
      st.setLong(5, at);
      st.executeUpdate();
    }
  }

  private static List<Message> messages(Connection c, String requestId) throws SQLException {
    List<Message> out = new ArrayList<>();
    try (PreparedStatement st =
        c.prepareStatement(
            "SELECT seq, side, body, sent_at_ms FROM contact_message WHERE request_id = ?"
                + " ORDER BY seq")) {
      st.setString(1, requestId);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          out.add(
              new Message(
                  rs.getInt(1),
                  Side.fromWire(rs.getString(2)),
                  rs.getString(3),
                  Instant.ofEpochMilli(rs.getLong(4))));
        }
      }
    }
    return out;
  }

  private List<Reveal> reveals(Connection c, String requestId) throws SQLException {
    List<Reveal> out = new ArrayList<>();
    try (PreparedStatement st =
        c.prepareStatement(
            "SELECT side, kind, value_sealed, revealed_at_ms FROM contact_reveal"
                + " WHERE request_id = ? ORDER BY revealed_at_ms, side, kind")) {
      st.setString(1, requestId);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          Side side = Side.fromWire(rs.getString(1));
          ChannelKind kind = ChannelKind.fromWire(rs.getString(2)).orElseThrow();
          String value = box.open(rs.getString(3), revealContext(requestId, side, kind));
          out.add(new Reveal(side, kind, value, Instant.ofEpochMilli(rs.getLong(4))));
        }
      }
    }
    return out;
  }

  /** The per-helper counters; the names are columns of helper_contact_stats. */
  private enum Counter {
    RECEIVED("received"),
    ANSWERED("answered"),
    FIXED("fixed"),
    NOT_FIXED("not_fixed"),
    GAVE_UP("gave_up"),
    REPORTS("reports");

    final String column;

    Counter(String column) {
      this.column = column;
    }
  }

  private static void count(Connection c, String helperId, Counter counter) throws SQLException {
    try (PreparedStatement st =
        c.prepareStatement(
            "INSERT INTO helper_contact_stats"
                + " (helper_id, received, answered, fixed, not_fixed, gave_up, reports)"
                + " VALUES (?, 0, 0, 0, 0, 0, 0) ON CONFLICT (helper_id) DO NOTHING")) {
      st.setString(1, helperId);
      st.executeUpdate();
    }
    try (PreparedStatement st =
        c.prepareStatement(
            "UPDATE helper_contact_stats SET "
                + counter.column
                + " = "
                + counter.column
                + " + 1 WHERE helper_id = ?")) {
      st.setString(1, helperId);
      st.executeUpdate();
    }
  }

  private static void countResponseTime(Connection c, String helperId, Duration took)
      throws SQLException {
    int bucket = ResponseTimes.bucketOf(took);
    try (PreparedStatement st =
        c.prepareStatement(
            "INSERT INTO helper_response_histogram (helper_id, bucket, n) VALUES (?, ?, 0)"
                + " ON CONFLICT (helper_id, bucket) DO NOTHING")) {
      st.setString(1, helperId);
      st.setInt(2, bucket);
      st.executeUpdate();
    }
    try (PreparedStatement st =
        c.prepareStatement(
            "UPDATE helper_response_histogram SET n = n + 1 WHERE helper_id = ? AND bucket = ?")) {
      st.setString(1, helperId);
      st.setInt(2, bucket);
      st.executeUpdate();
    }
  }

  private static int update(Connection c, String sql, Object param) throws SQLException {
    try (PreparedStatement st = c.prepareStatement(sql)) {
      st.setObject(1, param);
      return st.executeUpdate();
    }
  }

  private static <T> Optional<ContactResult<T>> check(String field, Optional<String> why) {
    return why.map(w -> new ContactResult.Invalid<>(field, w));
  }

  @SafeVarargs
  private static <T> Optional<ContactResult<T>> firstInvalid(Optional<ContactResult<T>>... checks) {
    for (Optional<ContactResult<T>> c : checks) if (c.isPresent()) return c;
    return Optional.empty();
  }

  /** One row of contact_request. */
  private record Row(
      String id,
      String helperId,
      String issueId,
      String emailSealed,
      String capabilityHash,
      RequestStatus status,
      int messageCount,
      long createdMs,
      long lastActivityMs,
      Optional<Instant> acceptedAt,
      Optional<Instant> firstResponseAt,
      Optional<Instant> closedAt,
      Optional<FixOutcome> outcome) {

    static Row of(ResultSet rs) throws SQLException {
      return new Row(
          rs.getString(1),
          rs.getString(2),
          rs.getString(3),
          rs.getString(4),
          rs.getString(5),
          RequestStatus.fromWire(rs.getString(6)),
          rs.getInt(7),
          rs.getLong(8),
          rs.getLong(9),
          instant(rs, 10),
          instant(rs, 11),
          instant(rs, 12),
          Optional.ofNullable(rs.getString(13)).flatMap(FixOutcome::fromWire));
    }

    private static Optional<Instant> instant(ResultSet rs, int column) throws SQLException {
      long v = rs.getLong(column);
      return rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(v));
    }

    ContactRequest view() {
      return new ContactRequest(
          id,
          helperId,
          issueId,
          status,
          messageCount,
          Instant.ofEpochMilli(createdMs),
          Instant.ofEpochMilli(lastActivityMs),
          acceptedAt,
          firstResponseAt,
          closedAt,
          outcome);
    }
  }
}
