/**
 * Companies' API keys on the server (issue 16): {@link io.fixfinder.api.tenants.Tenancy} resolves
 * an {@code X-Api-Key} to its tenant (briefly cached, so a revocation holds within {@code
 * api.keyCacheSeconds}) and keeps each tenant's rate limit and daily quota; {@link
 * io.fixfinder.api.tenants.KeyGate} refuses unknown keys, wrong origins and keys on endpoints they
 * cannot call, before any handler runs; {@link io.fixfinder.api.tenants.Scopes} gives handlers the
 * request's {@link io.fixfinder.indexer.search.Scope}, which the search layer applies beneath every
 * filter.
 */
package io.fixfinder.api.tenants;
