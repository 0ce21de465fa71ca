/** {@code GET /api/issues/{id}}: one issue cluster with its records, statistics and people. */
package io.fixfinder.api.issues;
