/** The fixfinder CLI (picocli) and the composition root wiring crawler, indexer and api. */
package io.fixfinder.app;
