/**
 * What a company's customers search for and struggle with, as counters per tenant and UTC day
 * (issue 16, the dashboard): {@link io.fixfinder.store.analytics.AnalyticsStore} adds batches of
 * counts in place and rolls closed days up (texts under the minimum count purged), {@link
 * io.fixfinder.store.analytics.QueryText} decides which query texts may be kept at all, and {@link
 * io.fixfinder.store.analytics.DashboardSessions} holds the admins' signed-in sessions by hash.
 */
package io.fixfinder.store.analytics;
