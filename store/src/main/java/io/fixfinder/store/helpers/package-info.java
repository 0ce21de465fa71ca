/**
 * Helpers' profiles (skills keyed as the indexer keys them, languages, location, availability) and
 * contact channels ({@link io.fixfinder.store.helpers.HelperProfiles}), the snapshot the matcher
 * loads ({@link io.fixfinder.store.helpers.MatchCandidate}), the operator's commands ({@link
 * io.fixfinder.store.helpers.HelperAdmin}) and account deletion ({@link
 * io.fixfinder.store.helpers.HelperDeletion}). Owner operations take an {@link
 * io.fixfinder.store.accounts.Session}; public views have no contact channel by construction.
 * Stores that keep more about a helper plug into deletion as a {@link
 * io.fixfinder.store.helpers.HelperDataOwner}.
 */
package io.fixfinder.store.helpers;
