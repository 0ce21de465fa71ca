/**
 * The company dashboard (issue 16): {@link io.fixfinder.api.dashboard.DashboardService} reads a
 * tenant's counters into a {@link io.fixfinder.api.dashboard.DashboardReport} (top queries above
 * the minimum count, queries without a good answer, click-through, fix rate per issue, emerging
 * issues by {@link io.fixfinder.core.trends.EmergingIssues}); {@link
 * io.fixfinder.api.dashboard.DashboardHandler} serves it as JSON or CSV to a server holding the
 * secret key, and as pages to a signed-in admin; {@link io.fixfinder.api.dashboard.Csv} writes CSV
 * that a spreadsheet will not run.
 */
package io.fixfinder.api.dashboard;
