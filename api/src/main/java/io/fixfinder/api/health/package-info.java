/** {@code GET /health}: whether the index answers and the database takes writes. */
package io.fixfinder.api.health;
