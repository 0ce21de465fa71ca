package io.fixfinder.api.account;

import io.fixfinder.api.ApiServer;
import io.fixfinder.api.mail.Mailer;
import io.fixfinder.api.mail.OutboxMailer;
import io.fixfinder.api.metrics.CrawlStats;
import io.fixfinder.api.people.People;
import io.fixfinder.core.config.FixFinderConfig;
import io.fixfinder.core.config.FixFinderConfig.Fusion;
import io.fixfinder.core.config.FixFinderConfig.Retrieval;
import io.fixfinder.core.model.Details;
import io.fixfinder.core.model.ProductRef;
import io.fixfinder.core.model.SourceDoc;
import io.fixfinder.core.model.SourceKind;
import io.fixfinder.core.understand.KeyExtractor;
import io.fixfinder.indexer.search.Searcher;
import io.fixfinder.indexer.write.IndexStore;
import io.fixfinder.indexer.write.Indexer;
import io.fixfinder.store.Database;
import io.fixfinder.store.accounts.AccountPolicy;
import io.fixfinder.store.accounts.AccountStore;
import io.fixfinder.store.accounts.PasswordHasher;
import io.fixfinder.store.contact.ContactStore;
import io.fixfinder.store.crypto.SecretBox;
import io.fixfinder.store.feedback.FeedbackStore;
import io.fixfinder.store.helpers.HelperAdmin;
import io.fixfinder.store.helpers.HelperDeletion;
import io.fixfinder.store.helpers.HelperProfiles;
import io.fixfinder.store.helpers.ProfileLimits;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The real server on 127.0.0.1 with the people side over a real database (SQLite file or a
 * PostgreSQL schema), mail written to an outbox folder. 127.0.0.1 is a trusted proxy, so each test
 * picks its own client address with X-Forwarded-For and the per-address limits of one test do not
 * spill into another.
 */
public final class AccountServer implements AutoCloseable {
  public static final String LINK_BASE = "https://fixfinder.test";

  public static final FixFinderConfig.Server SETTINGS =
      new FixFinderConfig.Server(
          "127.0.0.1",
          0,
          List.of("127.0.0.1"),
          6000,
          1000,
          List.of(),
          10,
          0,
          16,
          64,
          FixFinderConfig.Server.ACCESS_LOG_CONSOLE);

  public final Database database;
  public final Path outbox;
  final IndexStore index;
  public final ApiServer server;
  public final People people;

  public AccountServer(Path dir, Database database) throws Exception {
    this(dir, database, SETTINGS);
  }

  public AccountServer(Path dir, Database database, FixFinderConfig.Server settings)
      throws Exception {
    this(
        dir,
        database,
        settings,
        new OutboxMailer(dir.resolve("outbox"), "FixFinder <noreply@fixfinder.test>"));
  }

  /**
   * @param mailer how mail goes out ({@link #mailsTo} reads only the outbox folder)
   */
  public AccountServer(Path dir, Database database, FixFinderConfig.Server settings, Mailer mailer)
      throws Exception {
    this.database = database;
    SourceDoc doc =
        new SourceDoc(
            SourceDoc.idFor("http://f/1"),
            "http://f/1",
            SourceKind.FORUM,
            "f",
            "Aqualine WM-8420X won't drain E18",
            "Cleaned the pump filter, that fixed it",
            new ProductRef("washing-machine", "Aqualine", "WM-8420X"),
            List.of("E18"),
            List.of("wont-drain"),
            true,
            Instant.parse("2025-01-01T00:00:00Z"),
            new Details.Thread("q", 1, 2, "Cleaned the pump filter", 9, 9));
    Path indexDir = dir.resolve("index");
    Indexer.rebuild(
        indexDir,
        16,
        Optional.empty(),
        List.of(doc),
        new PrintStream(OutputStream.nullOutputStream()));
    index = IndexStore.open(indexDir, 16);
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    SecretBox box = new SecretBox(key);
    Clock clock = Clock.systemUTC();
    ContactStore contact = new ContactStore(database, box, clock, ContactStore.DEFAULT_RETENTION);
    HelperDeletion deletion = new HelperDeletion(database, List.of(contact::deleteHelperData));
    outbox = dir.resolve("outbox");
    people =
        new People(
            new AccountStore(
                database,
                box,
                // Cheap Argon2 parameters: the tests check the flows, not the hashing cost.
                new PasswordHasher(new PasswordHasher.Cost(64, 1, 1)),
                AccountPolicy.defaults(),
                clock),
            new HelperProfiles(database, box, ProfileLimits.defaults(), clock),
            new HelperAdmin(database, deletion),
            deletion,
            contact,
            mailer,
            LINK_BASE,
            clock);
    server =
        new ApiServer(
                ApiServer.Backends.withoutClusters(
                        index,
                        new Searcher(
                            index.searchers(),
                            KeyExtractor.builtIn(),
                            Optional.empty(),
                            Retrieval.BM25,
                            Fusion.LINEAR),
                        database,
                        new FeedbackStore(database, clock),
                        CrawlStats.fromFile(dir.resolve("crawl/last-run.json")))
                    .withPeople(people),
                settings)
            .start("127.0.0.1", 0);
  }

  public URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }

  /** The bodies of the mails sent to {@code to}, oldest first, decoded. */
  public List<String> mailsTo(String to) throws Exception {
    List<String> bodies = new ArrayList<>();
    if (!Files.isDirectory(outbox)) return bodies;
    List<Path> files;
    try (Stream<Path> s = Files.list(outbox)) {
      files = s.filter(p -> p.toString().endsWith(".eml")).sorted().toList();
    }
    for (Path f : files) {
      try (InputStream in = Files.newInputStream(f)) {
        MimeMessage m = new MimeMessage(null, in);
        if (m.getAllRecipients()[0].toString().equalsIgnoreCase(to)) {
          bodies.add(m.getSubject() + "\n" + m.getContent());
        }
      }
    }
    return bodies;
  }

  /** The tokens of every link to {@code path} mailed to {@code to}. */
  List<String> tokensMailed(String to, String path) throws Exception {
    Pattern link =
        Pattern.compile(Pattern.quote(LINK_BASE + path + "?token=") + "([A-Za-z0-9_-]+)");
    List<String> tokens = new ArrayList<>();
    for (String mail : mailsTo(to)) {
      Matcher m = link.matcher(mail);
      while (m.find()) tokens.add(m.group(1));
    }
    return tokens;
  }

  /** The token of the newest link to {@code path} mailed to {@code to}. */
  public String tokenMailed(String to, String path) throws Exception {
    List<String> mails = mailsTo(to);
    Pattern link =
        Pattern.compile(Pattern.quote(LINK_BASE + path + "?token=") + "([A-Za-z0-9_-]+)");
    for (int i = mails.size() - 1; i >= 0; i--) {
      Matcher m = link.matcher(mails.get(i));
      if (m.find()) return m.group(1);
    }
    throw new AssertionError("no mail to " + to + " with a link to " + path);
  }

  @Override
  public void close() throws Exception {
    server.close();
    index.close();
    database.close();
  }
}
