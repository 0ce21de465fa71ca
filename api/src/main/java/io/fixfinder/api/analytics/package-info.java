/**
 * Analytics capture for the company dashboard (issue 16): {@link
 * io.fixfinder.api.analytics.AnalyticsRecorder} counts, per tenant and UTC day, the searches made
 * with a tenant's key (and whether they had a good answer), the issue groups they showed, the
 * issues opened and the votes cast with the key, in memory, and writes the counts every few seconds
 * off the requests' threads; {@link io.fixfinder.api.analytics.AnalyticsCapture} is the
 * after-handler that feeds it from what the search, issue and feedback handlers did. Nothing here
 * sees an address, a key or a user agent.
 */
package io.fixfinder.api.analytics;
