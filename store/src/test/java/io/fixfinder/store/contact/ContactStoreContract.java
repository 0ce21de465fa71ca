package io.fixfinder.store.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;

import io.fixfinder.store.Database;
import io.fixfinder.store.MutableClock;
import io.fixfinder.store.crypto.SecretBox;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the contact store must do on every engine: a subclass says how to open a fresh database.
 * Each test starts on an empty, migrated schema; time is a {@link MutableClock}.
 */
abstract class ContactStoreContract {
  static final Set<String> TABLES =
      Set.of(
          "contact_request",
          "contact_message",
          "contact_reveal",
          "helper_report",
          "helper_contact_stats",
          "helper_response_histogram");

  static final String ALICE = "Alice.Customer+fix@example.org";

  abstract String freshUrl() throws Exception;

  final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
  Database db;
  ContactStore store;

  @BeforeEach
  void open() throws Exception {
    db = Database.open(freshUrl());
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    store = new ContactStore(db, new SecretBox(key), clock, ContactStore.DEFAULT_RETENTION);
  }

  @AfterEach
  void closeDb() {
    db.close();
  }

  Created create(String helperId, String text) {
    return store.create(helperId, "iss-e18", ALICE, text).orThrow();
  }

  static Party.Customer customer(Created c) {
    return new Party.Customer(c.capability());
  }

  static Party.Helper helper(String helperId, Created c) {
    return new Party.Helper(helperId, c.request().id());
  }

  @Test
  void theCustomerFollowsTheirRequestByCapability() {
    Created created = create("h1", "My drain pump hums, E18.");
    assertThat(created.capability()).startsWith(created.request().id() + ".").hasSize(76);
    ContactThread thread = store.thread(customer(created)).orThrow();
    assertThat(thread.viewer()).isEqualTo(Side.CUSTOMER);
    assertThat(thread.request().status()).isEqualTo(RequestStatus.OPEN);
    assertThat(thread.request().helperId()).isEqualTo("h1");
    assertThat(thread.messages())
        .containsExactly(
            new Message(1, Side.CUSTOMER, "My drain pump hums, E18.", clock.instant()));
    assertThat(thread.reveals()).isEmpty();
    assertThat(store.inbox("h1"))
        .extracting(ContactRequest::id)
        .containsExactly(thread.request().id());
    assertThat(
            count(
                "SELECT COUNT(*) FROM contact_request WHERE capability_hash = '"
                    + io.fixfinder.core.io.Hashes.sha256Hex(created.capability().substring(33))
                    + "'"))
        .as("only the hash of the secret is stored")
        .isEqualTo(1);
  }

  @Test
  void aCapabilityOpensOnlyItsOwnRequest() {
    Created a = create("h1", "request a");
    Created b = create("h1", "request b");
    assertThat(store.thread(customer(a)).orThrow().messages().get(0).text()).isEqualTo("request a");
    assertThat(store.thread(customer(b)).orThrow().messages().get(0).text()).isEqualTo("request b");
    String secretOfB = b.capability().substring(33);
    String secretOfA = a.capability().substring(33);
    String flipped = secretOfA.substring(0, 42) + (secretOfA.charAt(42) == 'A' ? 'B' : 'A');
    for (String forged :
        List.of(
            a.request().id() + "." + secretOfB, // someone else's secret on my id
            a.request().id() + "." + flipped,
            a.request().id(),
            a.request().id() + ".",
            "",
            "../" + a.capability(),
            a.capability() + "x",
            a.capability().toUpperCase(Locale.ROOT))) {
      Party.Customer p = new Party.Customer(forged);
      assertThat(store.thread(p)).as(forged).isInstanceOf(ContactResult.NotFound.class);
      assertThat(store.post(p, "hi")).as(forged).isInstanceOf(ContactResult.NotFound.class);
      assertThat(store.close(p, FixOutcome.FIXED)).isInstanceOf(ContactResult.NotFound.class);
    }
    assertThat(store.thread(customer(a)).orThrow().messages()).hasSize(1);
  }

  @Test
  void anotherHelperCannotReadOrChangeARequest() {
    Created created = create("helperA", "for A only");
    Party.Helper intruder = helper("helperB", created);
    assertThat(store.thread(intruder)).isInstanceOf(ContactResult.NotFound.class);
    assertThat(store.accept(intruder)).isInstanceOf(ContactResult.NotFound.class);
    assertThat(store.decline(intruder)).isInstanceOf(ContactResult.NotFound.class);
    assertThat(store.post(intruder, "hello")).isInstanceOf(ContactResult.NotFound.class);
    assertThat(store.reveal(intruder, ChannelKind.PHONE, "+44 20 7946 0000"))
        .isInstanceOf(ContactResult.NotFound.class);
    assertThat(store.inbox("helperB")).isEmpty();
    assertThat(store.report("helperB", "spam", Optional.of(created.request().id())))
        .as("a report cannot be tied to another helper's request")
        .isInstanceOf(ContactResult.NotFound.class);
    // untouched: A can still accept, and B's attempts left no trace
    ContactRequest accepted = store.accept(helper("helperA", created)).orThrow();
    assertThat(accepted.status()).isEqualTo(RequestStatus.ACCEPTED);
    assertThat(store.thread(helper("helperA", created)).orThrow().messages()).hasSize(1);
    assertThat(store.reputation(List.of("helperB")).get("helperB"))
        .isEqualTo(HelperStats.none("helperB"));
  }

  @Test
  void channelsAreRevealedOnlyAfterAcceptance() {
    Created created = create("h1", "help");
    Party.Helper h = helper("h1", created);
    assertThat(store.reveal(h, ChannelKind.PHONE, "+44 20 7946 0123"))
        .isEqualTo(
            new ContactResult.Conflict<Reveal>(
                RequestStatus.OPEN, "channels can be shown only on an accepted request"));
    assertThat(store.reveal(customer(created), ChannelKind.EMAIL, "alice@example.org"))
        .isInstanceOf(ContactResult.Conflict.class);
    assertThat(count("SELECT COUNT(*) FROM contact_reveal")).isZero();

    store.accept(h).orThrow();
    clock.advance(Duration.ofMinutes(1));
    Reveal phone = store.reveal(h, ChannelKind.PHONE, " +44 20 7946 0123 ").orThrow();
    assertThat(phone.value()).isEqualTo("+44 20 7946 0123");
    store.reveal(customer(created), ChannelKind.EMAIL, "alice@example.org").orThrow();
    store.reveal(h, ChannelKind.VIDEO, "https://meet.example.net/fix-e18").orThrow();
    store.reveal(h, ChannelKind.PHONE, "+44 20 7946 0999").orThrow(); // replaces the first

    for (Party p : List.<Party>of(h, customer(created))) {
      assertThat(store.thread(p).orThrow().reveals())
          .extracting(Reveal::side, Reveal::kind, Reveal::value)
          .containsExactlyInAnyOrder(
              tuple(Side.HELPER, ChannelKind.PHONE, "+44 20 7946 0999"),
              tuple(Side.HELPER, ChannelKind.VIDEO, "https://meet.example.net/fix-e18"),
              tuple(Side.CUSTOMER, ChannelKind.EMAIL, "alice@example.org"));
    }
    assertThat(allText()).noneMatch(v -> v.contains("7946") || v.contains("meet.example"));

    store.close(customer(created), FixOutcome.FIXED).orThrow();
    assertThat(store.reveal(h, ChannelKind.PHONE, "+44 20 7946 0000"))
        .isInstanceOf(ContactResult.Conflict.class);
  }

  @Test
  void theHelperWritesOnlyAfterAcceptingAndNobodyAfterTheEnd() {
    Created created = create("h1", "first");
    Party.Helper h = helper("h1", created);
    assertThat(store.post(h, "a question first?"))
        .isEqualTo(
            new ContactResult.Conflict<Message>(
                RequestStatus.OPEN, "accept the request before writing"));
    assertThat(store.post(customer(created), "more details").orThrow().seq()).isEqualTo(2);
    store.accept(h).orThrow();
    assertThat(store.accept(h)).isInstanceOf(ContactResult.Conflict.class);
    assertThat(store.decline(h)).isInstanceOf(ContactResult.Conflict.class);
    assertThat(store.post(h, "try the filter").orThrow().seq()).isEqualTo(3);
    assertThat(store.post(customer(created), "it worked").orThrow().seq()).isEqualTo(4);
    assertThat(store.thread(h).orThrow().messages())
        .extracting(Message::seq, Message::side)
        .containsExactly(
            tuple(1, Side.CUSTOMER),
            tuple(2, Side.CUSTOMER),
            tuple(3, Side.HELPER),
            tuple(4, Side.CUSTOMER));
    ContactRequest closed = store.close(customer(created), FixOutcome.FIXED).orThrow();
    assertThat(closed.status()).isEqualTo(RequestStatus.CLOSED);
    assertThat(closed.outcome()).contains(FixOutcome.FIXED);
    assertThat(store.close(customer(created), FixOutcome.NOT_FIXED))
        .isInstanceOf(ContactResult.Conflict.class);
    assertThat(store.post(customer(created), "one more"))
        .isInstanceOf(ContactResult.Conflict.class);
    assertThat(store.post(h, "one more")).isInstanceOf(ContactResult.Conflict.class);

    Created declined = create("h1", "second");
    assertThat(store.close(customer(declined), FixOutcome.GAVE_UP))
        .as("an open request has no outcome to give")
        .isInstanceOf(ContactResult.Conflict.class);
    assertThat(store.decline(helper("h1", declined)).orThrow().status())
        .isEqualTo(RequestStatus.DECLINED);
    assertThat(store.accept(helper("h1", declined))).isInstanceOf(ContactResult.Conflict.class);
    assertThat(store.post(customer(declined), "why?")).isInstanceOf(ContactResult.Conflict.class);
    assertThat(store.thread(customer(declined)).orThrow().request().status())
        .isEqualTo(RequestStatus.DECLINED);
  }

  @Test
  void theCustomersAddressIsNeverStoredInPlainText() {
    Created created = create("h1", "hello");
    store.accept(helper("h1", created)).orThrow();
    store.reveal(customer(created), ChannelKind.EMAIL, "alice.private@example.net").orThrow();
    store.report("h1", "rude", Optional.of(created.request().id())).orThrow();
    List<String> text = allText();
    assertThat(text).isNotEmpty().contains("hello");
    String local = ALICE.substring(0, ALICE.indexOf('@')).toLowerCase(Locale.ROOT);
    assertThat(text)
        .noneMatch(v -> v.toLowerCase(Locale.ROOT).contains(local))
        .noneMatch(v -> v.toLowerCase(Locale.ROOT).contains("alice.private"));
    assertThat(store.customerAddress(created.request().id())).contains(ALICE);
    assertThat(created.request().toString()).doesNotContain(local);
    assertThat(created.toString()).doesNotContain(created.capability().substring(33));
  }

  @Test
  void anExpiredRequestLeavesNoRowButItsCountsSurvive() {
    Created old = create("h1", "old request");
    String id = old.request().id();
    clock.advance(Duration.ofMinutes(7));
    store.accept(helper("h1", old)).orThrow();
    store.post(helper("h1", old), "reply").orThrow();
    store.reveal(helper("h1", old), ChannelKind.PHONE, "+31 20 555 0100").orThrow();
    store.report("h1", "was late", Optional.of(id)).orThrow();
    store.close(customer(old), FixOutcome.FIXED).orThrow();

    clock.advance(Duration.ofDays(10));
    Created recent = create("h1", "recent request");
    clock.advance(Duration.ofDays(3));
    store.post(customer(recent), "still there?").orThrow(); // activity: the clock starts again

    clock.advance(Duration.ofDays(1).plusMinutes(1)); // old: 14 days + 1 min idle; recent: 4 days
    assertThat(store.thread(customer(old)))
        .as("expired is gone even before the purge ran")
        .isInstanceOf(ContactResult.NotFound.class);
    assertThat(store.customerAddress(id)).isEmpty();

    Purged purged = store.purgeExpired(clock.instant());
    assertThat(purged).isEqualTo(new Purged(1, 1));
    for (String table : List.of("contact_message", "contact_reveal")) {
      assertThat(count("SELECT COUNT(*) FROM " + table + " WHERE request_id = '" + id + "'"))
          .as(table)
          .isZero();
    }
    assertThat(count("SELECT COUNT(*) FROM contact_request WHERE id = '" + id + "'")).isZero();
    assertThat(count("SELECT COUNT(*) FROM helper_report")).isZero();
    assertThat(count("SELECT COUNT(*) FROM contact_request")).isEqualTo(1);
    assertThat(store.thread(customer(recent)).orThrow().messages()).hasSize(2);

    HelperStats stats = store.reputation(List.of("h1")).get("h1");
    assertThat(stats).isEqualTo(new HelperStats("h1", 2, 1, 1, 0, 0, 1, OptionalLong.of(15)));
    assertThat(store.purgeExpired(clock.instant())).isEqualTo(new Purged(0, 0));

    clock.advance(Duration.ofDays(15));
    assertThat(store.purgeExpired(clock.instant())).isEqualTo(new Purged(1, 0));
    assertThat(
            count("SELECT COUNT(*) FROM contact_request")
                + count("SELECT COUNT(*) FROM contact_message")
                + count("SELECT COUNT(*) FROM contact_reveal"))
        .isZero();
    assertThat(store.reputation(List.of("h1")).get("h1").received()).isEqualTo(2);
  }

  @Test
  void metacharactersAndScriptsAreStoredVerbatim() {
    List<String> payloads =
        List.of(
            "'); DROP TABLE contact_request; --",
            "<script>alert(document.cookie)</script>",
            "Robert'); DELETE FROM helper_contact_stats WHERE ('1'='1",
            "100% _done_ \\ back\\slash \" quote ` tick",
            "line one\r\nline two\n\ttabbed",
            "emoji 🔧 and ünïcödé and ‮ right-to-left",
            "$1 ${jndi:ldap://x} %s {{7*7}}");
    Created created = store.create("h1", "iss-'\"<b>", ALICE, payloads.get(0)).orThrow();
    Party.Helper h = helper("h1", created);
    store.accept(h).orThrow();
    for (int i = 1; i < payloads.size(); i++) {
      Party p = i % 2 == 0 ? h : customer(created);
      assertThat(store.post(p, payloads.get(i)).orThrow().text()).isEqualTo(payloads.get(i));
    }
    ContactThread thread = store.thread(customer(created)).orThrow();
    assertThat(thread.messages()).extracting(Message::text).containsExactlyElementsOf(payloads);
    assertThat(thread.request().issueId()).isEqualTo("iss-'\"<b>");
    assertThat(store.report("h1", payloads.get(1), Optional.empty()).orThrow().reason())
        .isEqualTo(payloads.get(1));
    assertThat(store.reportsAbout("h1"))
        .extracting(HelperReport::reason)
        .containsExactly(payloads.get(1));
    List<String> raw =
        db.read(
            c -> {
              List<String> out = new ArrayList<>();
              try (ResultSet rs =
                  c.createStatement()
                      .executeQuery("SELECT body FROM contact_message ORDER BY seq")) {
                while (rs.next()) out.add(rs.getString(1));
              }
              return out;
            });
    assertThat(raw).containsExactlyElementsOf(payloads);
    assertThat(count("SELECT COUNT(*) FROM helper_contact_stats")).isEqualTo(1);

    // the operator's list holds every helper's reports
    store.report("h2", "another helper", Optional.empty()).orThrow();
    assertThat(store.reportsAbout("h1")).hasSize(1);
    assertThat(store.reports())
        .extracting(HelperReport::helperId, HelperReport::reason)
        .containsExactlyInAnyOrder(tuple("h1", payloads.get(1)), tuple("h2", "another helper"));
  }

  @Test
  void anImportedRecordIsReadAsReputationOnceAndNeverOverwritten() {
    HelperStats past = new HelperStats("h9", 9, 8, 5, 1, 2, 0, OptionalLong.of(45));
    assertThat(store.importRecord(past)).isTrue();
    HelperStats read = store.reputation(List.of("h9")).get("h9");
    assertThat(read)
        .extracting(
            HelperStats::received,
            HelperStats::answered,
            HelperStats::fixed,
            HelperStats::notFixed,
            HelperStats::gaveUp)
        .containsExactly(9L, 8L, 5L, 1L, 2L);
    // kept as a histogram: the median is the upper bound of 45 minutes' bucket
    assertThat(read.medianResponseMinutes().getAsLong()).isBetween(45L, 120L);
    assertThat(store.importRecord(new HelperStats("h9", 1, 0, 0, 0, 0, 0, OptionalLong.empty())))
        .isFalse();
    assertThat(store.reputation(List.of("h9")).get("h9").received()).isEqualTo(9);
    for (HelperStats bad :
        List.of(
            new HelperStats("h8", 2, 3, 0, 0, 0, 0, OptionalLong.of(5)),
            new HelperStats("h8", 2, 2, 2, 1, 0, 0, OptionalLong.of(5)),
            new HelperStats("h8", 2, 2, 0, 0, 0, 0, OptionalLong.empty()),
            new HelperStats("h8", -1, 0, 0, 0, 0, 0, OptionalLong.empty()),
            new HelperStats("h 8", 0, 0, 0, 0, 0, 0, OptionalLong.empty()))) {
      assertThatIllegalArgumentException()
          .as(bad.toString())
          .isThrownBy(() -> store.importRecord(bad));
    }
    assertThat(count("SELECT COUNT(*) FROM helper_contact_stats")).isEqualTo(1);
  }

  @Test
  void reputationCountsOutcomesAndTheMedianResponseTime() {
    // response times: 3 min, 10 min, 50 min, 2 days (declined); one never answered
    long[] minutes = {3, 10, 50, 2880};
    List<Created> answered = new ArrayList<>();
    for (long m : minutes) {
      Created c = create("h1", "request " + m);
      clock.advance(Duration.ofMinutes(m));
      if (m == 2880) store.decline(helper("h1", c)).orThrow();
      else store.accept(helper("h1", c)).orThrow();
      answered.add(c);
    }
    create("h1", "never answered");
    store.close(customer(answered.get(0)), FixOutcome.FIXED).orThrow();
    store.close(customer(answered.get(1)), FixOutcome.FIXED).orThrow();
    store.close(customer(answered.get(2)), FixOutcome.NOT_FIXED).orThrow();
    Created other = create("h2", "to h2");
    store.accept(helper("h2", other)).orThrow();
    store.close(customer(other), FixOutcome.GAVE_UP).orThrow();

    Map<String, HelperStats> stats = store.reputation(List.of("h3", "h1", "h2", "h1"));
    assertThat(stats.keySet()).containsExactly("h3", "h1", "h2");
    // the lower median of 5, 15, 60, 2880 (bucket bounds) is 15
    assertThat(stats.get("h1"))
        .isEqualTo(new HelperStats("h1", 5, 4, 2, 1, 0, 0, OptionalLong.of(15)));
    assertThat(stats.get("h1").responseRate()).isEqualTo(0.8);
    assertThat(stats.get("h2"))
        .isEqualTo(new HelperStats("h2", 1, 1, 0, 0, 1, 0, OptionalLong.of(5)));
    assertThat(stats.get("h3")).isEqualTo(HelperStats.none("h3"));
    assertThat(store.reputation(List.of())).isEmpty();
    Map<String, HelperStats> all = store.reputationOfAll();
    assertThat(all).containsOnlyKeys("h1", "h2");
    assertThat(all.get("h1")).isEqualTo(stats.get("h1"));
    assertThat(all.get("h2")).isEqualTo(stats.get("h2"));
  }

  @Test
  void manyHelpersAreLookedUpInChunks() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 450; i++) ids.add("helper" + i);
    create("helper449", "x");
    Map<String, HelperStats> stats = store.reputation(ids);
    assertThat(stats).hasSize(450);
    assertThat(stats.get("helper449").received()).isEqualTo(1);
    assertThat(stats.get("helper0").received()).isZero();
  }

  @Test
  void deletingAHelperRemovesTheirRequestsReportsAndCounts() {
    Created a = create("gone", "to the leaving helper");
    store.accept(helper("gone", a)).orThrow();
    store.reveal(helper("gone", a), ChannelKind.PHONE, "+1 555 0100").orThrow();
    store.report("gone", "reason", Optional.of(a.request().id())).orThrow();
    Created b = create("stays", "to another helper");
    store.report("stays", "other reason", Optional.empty()).orThrow();

    assertThat(store.deleteForHelper("gone")).isEqualTo(new Purged(1, 1));
    assertThat(count("SELECT COUNT(*) FROM contact_request WHERE helper_id = 'gone'")).isZero();
    assertThat(
            count(
                "SELECT COUNT(*) FROM contact_message WHERE request_id = '"
                    + a.request().id()
                    + "'"))
        .isZero();
    assertThat(count("SELECT COUNT(*) FROM contact_reveal")).isZero();
    assertThat(count("SELECT COUNT(*) FROM helper_report WHERE helper_id = 'gone'")).isZero();
    assertThat(count("SELECT COUNT(*) FROM helper_contact_stats WHERE helper_id = 'gone'"))
        .isZero();
    assertThat(count("SELECT COUNT(*) FROM helper_response_histogram WHERE helper_id = 'gone'"))
        .isZero();
    assertThat(store.thread(customer(a))).isInstanceOf(ContactResult.NotFound.class);
    assertThat(store.thread(customer(b)).orThrow().messages()).hasSize(1);
    assertThat(store.reputation(List.of("stays")).get("stays").reports()).isEqualTo(1);
  }

  @Test
  void badInputIsNamedWithoutEchoingIt() {
    assertThat(store.create("h1", "iss", "not-an-address", "hi"))
        .isEqualTo(
            new ContactResult.Invalid<Created>(
                "email", "must be an address like name@example.org"));
    assertThat(store.create("h1", "iss", "a@b.org\r\nBcc: x@evil.example", "hi"))
        .isInstanceOf(ContactResult.Invalid.class);
    assertThat(store.create("h1", "iss", ALICE, "   "))
        .isEqualTo(new ContactResult.Invalid<Created>("text", "must not be empty"));
    assertThat(store.create("h1", "iss", ALICE, "x".repeat(5001)))
        .isEqualTo(new ContactResult.Invalid<Created>("text", "must be at most 5000 characters"));
    assertThat(store.create("h1", "iss", ALICE, "nul\u0000byte"))
        .isEqualTo(new ContactResult.Invalid<Created>("text", "must not contain NUL characters"));
    assertThat(store.create("h1", "iss", ALICE, "half \uD83D surrogate"))
        .isEqualTo(new ContactResult.Invalid<Created>("text", "must be valid Unicode text"));
    assertThat(store.create("h 1", "iss", ALICE, "hi")).isInstanceOf(ContactResult.Invalid.class);
    assertThat(store.create("h1", "i".repeat(81), ALICE, "hi"))
        .isInstanceOf(ContactResult.Invalid.class);
    Created created = create("h1", "fine");
    store.accept(helper("h1", created)).orThrow();
    assertThat(store.reveal(customer(created), ChannelKind.VIDEO, "http://plain.example"))
        .isEqualTo(new ContactResult.Invalid<Reveal>("value", "must be an https:// link"));
    assertThat(store.reveal(customer(created), ChannelKind.PHONE, "call me maybe"))
        .isInstanceOf(ContactResult.Invalid.class);
    assertThat(store.report("h1", "", Optional.empty())).isInstanceOf(ContactResult.Invalid.class);
    assertThat(count("SELECT COUNT(*) FROM contact_request")).isEqualTo(1);
    assertThat(count("SELECT received FROM helper_contact_stats WHERE helper_id = 'h1'"))
        .isEqualTo(1);
  }

  @Test
  void concurrentMessagesAreAllKeptInOneOrder() throws Exception {
    Created created = create("h1", "start");
    Party.Helper h = helper("h1", created);
    store.accept(h).orThrow();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<Message>> futures = new ArrayList<>();
    try {
      for (int i = 0; i < 80; i++) {
        Party p = i % 2 == 0 ? h : customer(created);
        String text = "m" + i;
        futures.add(pool.submit(() -> store.post(p, text).orThrow()));
      }
      Set<Integer> seqs = new HashSet<>();
      for (Future<Message> f : futures) seqs.add(f.get().seq());
      assertThat(seqs).hasSize(80).allMatch(s -> s >= 2 && s <= 81);
    } finally {
      pool.shutdown();
    }
    ContactThread thread = store.thread(customer(created)).orThrow();
    assertThat(thread.request().messageCount()).isEqualTo(81);
    assertThat(thread.messages()).extracting(Message::seq).isSorted().hasSize(81);
  }

  @Test
  void theJanitorPurgesOnItsOwn() throws Exception {
    create("h1", "will expire");
    clock.advance(Duration.ofDays(15));
    try (ContactJanitor janitor = ContactJanitor.start(store, clock, Duration.ofMillis(50))) {
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (count("SELECT COUNT(*) FROM contact_request") > 0 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(count("SELECT COUNT(*) FROM contact_request")).isZero();
      assertThat(janitor.runOnce()).isEqualTo(new Purged(0, 0));
      create("h1", "the secret text of another request");
      store.report("h1", "the reason text", Optional.empty()).orThrow();
      clock.advance(Duration.ofDays(15));
      java.io.PrintStream err = System.err;
      java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
      System.setErr(
          new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
      Purged purged;
      try {
        purged = janitor.runOnce();
      } finally {
        System.setErr(err);
      }
      assertThat(purged).isEqualTo(new Purged(1, 1));
      String log = captured.toString(java.nio.charset.StandardCharsets.UTF_8);
      assertThat(log)
          .contains("contact purge: 1 expired requests and 1 old reports deleted")
          .doesNotContain("secret text")
          .doesNotContain("reason text")
          .doesNotContain("h1")
          .doesNotContain("example.org");
    }
    assertThat(Thread.getAllStackTraces().keySet())
        .noneMatch(t -> t.getName().equals("fixfinder-contact-janitor") && t.isAlive());
  }

  /** Every value of every column of the contact tables, as text. */
  List<String> allText() {
    return db.read(
        c -> {
          List<String> out = new ArrayList<>();
          for (String table : TABLES) {
            try (ResultSet rs = c.createStatement().executeQuery("SELECT * FROM " + table)) {
              ResultSetMetaData meta = rs.getMetaData();
              while (rs.next()) {
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                  String v = rs.getString(i);
                  if (v != null) out.add(v);
                }
              }
            }
          }
          return out;
        });
  }

  long count(String sql) {
    return db.read(
        c -> {
          try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
          }
        });
  }
}
