/**
 * The helpers directory's pure domain: what a volunteer helper knows ({@link
 * io.fixfinder.core.helpers.Skill}), when they help ({@code schedule}), how they may be reached
 * ({@code contact}), where they are ({@code geo}) and how helpers are ranked for a customer's
 * problem ({@code match}). No database and no HTTP here: the store keeps these values, the API
 * calls the matcher.
 *
 * <p>Skill values are the keys the indexer uses, so that a helper's skills meet the issues that
 * search finds: product type ids and brand names of the lexicon, normalised model numbers, issue
 * cluster ids ({@code iss-...}) and fault area ids ({@code fa-...}).
 */
package io.fixfinder.core.helpers;
