/**
 * The record log: JSON lines between the crawler (writer) and the indexer (reader). It decouples
 * the two, survives a killed process, and lets a re-index run without re-crawling.
 */
package io.fixfinder.core.records;
