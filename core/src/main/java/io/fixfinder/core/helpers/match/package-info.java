/**
 * Ranking helpers for a customer's problem. {@link io.fixfinder.core.helpers.match.HelperMatcher}
 * is built once from the directory's {@link io.fixfinder.core.helpers.match.Candidate}s (an
 * immutable, thread-safe index from skill to helpers; build a new one when the directory changes
 * and swap it in) and answers a {@link io.fixfinder.core.helpers.match.MatchQuery} with ranked
 * {@link io.fixfinder.core.helpers.match.Match}es, each with the reasons a person reads. {@link
 * io.fixfinder.core.helpers.match.LinearScanMatcher} is the plain reference the index must agree
 * with (tests) and the baseline it is measured against (benchmark).
 *
 * <p>The score and its reasons live in one place ({@code Scoring}, {@code Explain}) so that the two
 * matchers cannot drift apart.
 */
package io.fixfinder.core.helpers.match;
