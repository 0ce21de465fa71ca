/**
 * Contact requests without exposure: a customer (no account) writes to a helper about an issue, the
 * helper accepts or declines, both talk through a relay thread, and either may reveal a channel to
 * the other once accepted. {@link io.fixfinder.store.contact.ContactStore} is the one entry point;
 * who is asking is a {@link io.fixfinder.store.contact.Party} (the customer by the capability from
 * their private link, a helper by the id the caller authenticated). A party that may not see a
 * request gets {@code NotFound}, the same as for a request that does not exist.
 *
 * <p>Personal data is short-lived: the customer's address is sealed at rest and, with the request,
 * its messages and reveals, deleted after the retention time ({@link
 * io.fixfinder.store.contact.ContactJanitor}). Only per-helper counts survive; they are the
 * reputation signal ({@link io.fixfinder.store.contact.HelperStats}).
 */
package io.fixfinder.store.contact;
