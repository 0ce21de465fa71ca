/**
 * The pages people read: search, issue and product pages rendered on the server from jte templates
 * ({@code src/main/jte}, compiled to Java at build time), so they work without JavaScript; the
 * static assets beside them ({@code fixfinder-ui/}) only enhance them.
 *
 * <p>Everything a page shows from a record is crawled, untrusted text: templates output it through
 * jte's HTML escaping only (never {@code $unsafe}), and links to other sites pass {@link
 * io.fixfinder.ui.Display#href} so only http(s) URLs become links. Page models are records built by
 * the api's page handlers from the same views the JSON API returns.
 */
package io.fixfinder.ui;
