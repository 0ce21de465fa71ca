/** {@code GET /api/products/{id}}: one product, its ratings by source and its top issues. */
package io.fixfinder.api.products;
