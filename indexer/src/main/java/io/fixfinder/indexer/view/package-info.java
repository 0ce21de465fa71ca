/**
 * Read models behind the API's detail pages: one issue cluster with its records by kind, and one
 * product with its ratings (each labelled with the site that published it) and its top issues. They
 * read the live index and the cluster store; they never write.
 */
package io.fixfinder.indexer.view;
