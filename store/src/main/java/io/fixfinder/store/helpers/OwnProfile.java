package io.fixfinder.store.helpers;

import io.fixfinder.store.accounts.EmailAddress;
import java.time.Instant;

/**
 * A helper's own view of their account, for their editor only: with the login address and the
 * contact channels.
 */
public record OwnProfile(
    String id,
    EmailAddress loginEmail,
    boolean verified,
    boolean suspended,
    Instant created,
    Profile profile,
    ContactChannels channels) {}
