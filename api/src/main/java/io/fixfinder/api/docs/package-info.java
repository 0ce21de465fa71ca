/** The API's own description: {@code /openapi.yaml} and the {@code /docs} page, from the jar. */
package io.fixfinder.api.docs;
