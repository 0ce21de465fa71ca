package io.fixfinder.api.people;

import io.fixfinder.api.mail.Mailer;
import io.fixfinder.api.mail.Mailers;
import io.fixfinder.core.config.FixFinderConfig;
import io.fixfinder.store.Database;
import io.fixfinder.store.accounts.AccountPolicy;
import io.fixfinder.store.accounts.AccountStore;
import io.fixfinder.store.accounts.PasswordHasher;
import io.fixfinder.store.contact.ContactStore;
import io.fixfinder.store.crypto.SecretBox;
import io.fixfinder.store.crypto.SecretKeys;
import io.fixfinder.store.helpers.HelperAdmin;
import io.fixfinder.store.helpers.HelperDeletion;
import io.fixfinder.store.helpers.HelperProfiles;
import io.fixfinder.store.helpers.ProfileLimits;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * Helper accounts, profiles, contact requests and outgoing mail, over one database and one key.
 *
 * @param linkBase where links in mails start ({@code mail.linkBase}, else the server's address),
 *     without a trailing slash
 */
public record People(
    AccountStore accounts,
    HelperProfiles profiles,
    HelperAdmin admin,
    HelperDeletion deletion,
    ContactStore contact,
    Mailer mailer,
    String linkBase,
    Clock clock) {

  /** The same, sending mail through {@code other}. */
  public People withMailer(Mailer other) {
    return new People(accounts, profiles, admin, deletion, contact, other, linkBase, clock);
  }

  /**
   * Opens the people side over {@code db}: the key from {@link SecretKeys} (environment or the data
   * directory's key file), mail by SMTP or to the outbox as configured. Deleting a helper removes
   * their contact data in the same transaction.
   */
  public static People open(Database db, Path dataDir, FixFinderConfig config, Clock clock) {
    SecretBox box = SecretKeys.load(dataDir);
    ContactStore contact = new ContactStore(db, box, clock, config.contact().retention());
    HelperDeletion deletion = new HelperDeletion(db, List.of(contact::deleteHelperData));
    return new People(
        new AccountStore(db, box, PasswordHasher.owasp(), AccountPolicy.defaults(), clock),
        new HelperProfiles(db, box, ProfileLimits.defaults(), clock),
        new HelperAdmin(db, deletion),
        deletion,
        contact,
        Mailers.create(config.mail(), dataDir, System.getenv()),
        config.mail().linkBase(config.server()),
        clock);
  }
}
