/**
 * Helper accounts: registration, email verification and password reset by single-use links,
 * Argon2id passwords ({@link io.fixfinder.store.accounts.PasswordHasher}), login throttled per
 * account and per client address, and sessions with a CSRF secret each ({@link
 * io.fixfinder.store.accounts.AccountStore}). A {@link io.fixfinder.store.accounts.Session} can
 * only be obtained from the store, which makes it the proof of who acts in owner-only operations of
 * {@code io.fixfinder.store.helpers}. No token, password or email address is stored in plain text.
 */
package io.fixfinder.store.accounts;
