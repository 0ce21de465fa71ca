/** Test support shared by the indexer's packages: child JVMs for the crash tests. */
package io.fixfinder.indexer.testing;
