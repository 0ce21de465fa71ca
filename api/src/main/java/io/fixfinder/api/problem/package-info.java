/**
 * RFC 9457 problem details: the typed exception handlers throw and the one mapper that writes them.
 */
package io.fixfinder.api.problem;
