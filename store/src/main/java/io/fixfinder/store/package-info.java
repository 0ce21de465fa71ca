/**
 * Relational state: the one place for tables (feedback votes now; the helper directory, contact
 * requests and per-company API keys later). {@link io.fixfinder.store.Database} opens SQLite (one
 * machine, the default) or PostgreSQL (several API processes) from a JDBC URL and migrates the
 * schema with Flyway from {@code db/migration}. Migrations are portable SQL: the same script runs
 * on both, and the contract tests run every store on both. A new feature adds a {@code V<n>__*.sql}
 * script and a subpackage (like {@code feedback}); scripts are never edited once released.
 */
package io.fixfinder.store;
