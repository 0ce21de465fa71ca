/**
 * The FixFinder HTTP API: {@link io.fixfinder.api.ApiServer} holds the one route table and the
 * wiring; each feature has its package (search, issues, products, feedback, health, metrics, docs),
 * beside the cross-cutting ones: problem (every error as RFC 9457, from any layer), http (security
 * headers, CORS, ETags) and protect (client identity, rate limits).
 */
package io.fixfinder.api;
