package io.fixfinder.store.helpers;

import java.time.Instant;

/** A helper as anyone may see them: the profile, and no contact channel. */
public record PublicProfile(String id, Profile profile, Instant memberSince) {}
