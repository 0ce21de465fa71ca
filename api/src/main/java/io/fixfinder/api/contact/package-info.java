/**
 * Contact requests over HTTP (issue 15): a customer without an account writes to a helper and
 * follows the request through a private capability link; the signed-in helper answers from their
 * inbox. {@link io.fixfinder.api.contact.ContactService} runs the flows for both the JSON API
 * ({@link io.fixfinder.api.contact.ContactHandler}) and the pages ({@link
 * io.fixfinder.api.contact.ContactPageHandler}); the rules themselves live in {@link
 * io.fixfinder.store.contact.ContactStore}. No response, page or log line carries the customer's
 * address or a channel nobody revealed; capability tokens are kept out of logs by {@link
 * io.fixfinder.api.http.CapabilityPaths}.
 */
package io.fixfinder.api.contact;
