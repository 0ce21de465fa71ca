/**
 * The helper directory (issue 15): an in-memory {@link
 * io.fixfinder.core.helpers.match.HelperMatcher} over the listable helpers, republished when the
 * store changes, that fills the {@code helpers} of searches and issue pages and serves {@code
 * /api/helpers}. Only public facts leave it: {@link io.fixfinder.api.helpers.HelperCard} has no
 * field a contact channel could travel in.
 */
package io.fixfinder.api.helpers;
