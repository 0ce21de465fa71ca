/** Lucene analysis for troubleshooting text: prose fields and exact key fields. */
package io.fixfinder.indexer.analysis;
