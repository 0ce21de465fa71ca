/**
 * Alerts on emerging issues (issue 16): {@link io.fixfinder.store.alerts.AlertStore} keeps each
 * tenant's webhook URL, email address and signing secret sealed with the installation's {@link
 * io.fixfinder.store.crypto.SecretBox}, and one claim row per (tenant, issue, window) so that of
 * several API processes over one database exactly one sends each alert.
 */
package io.fixfinder.store.alerts;
