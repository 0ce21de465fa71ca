/**
 * Alerts on emerging issues (issue 16): a company admin sets a webhook URL and/or an email address
 * and a growth threshold ({@link io.fixfinder.api.alerts.AlertsHandler}: {@code GET/PUT
 * /api/dashboard/alerts} with the secret key, the form at {@code /dashboard/alerts}); {@link
 * io.fixfinder.api.alerts.AlertJob} runs {@link io.fixfinder.api.alerts.AlertsService} on a timer,
 * which sends each issue that crosses the threshold once, by {@link
 * io.fixfinder.api.alerts.Webhooks} (signed, retried) and the project's mail sender. {@link
 * io.fixfinder.api.alerts.TargetPolicy} keeps webhooks off internal networks.
 */
package io.fixfinder.api.alerts;
