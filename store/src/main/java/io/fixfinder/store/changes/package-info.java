/**
 * The store's change feed ({@link io.fixfinder.store.changes.ChangeFeed}): every vote, published
 * issue-cluster generation, new generation on the cluster, change to who the helper directory
 * offers and change to a tenant's keys is numbered in the transaction that makes it, and each API
 * process polls for the numbers it has not seen, so several processes over one database see each
 * other's changes within a poll (issue 17).
 */
package io.fixfinder.store.changes;
