/**
 * Companies that embed FixFinder (issue 16): a {@link io.fixfinder.store.tenants.Tenant} is a scope
 * of brands and products, the browser origins its publishable key may be used from, and its own
 * rate limit and daily quota. {@link io.fixfinder.store.tenants.TenantStore} issues keys (shown
 * once, stored only as a keyed hash), rotates them with a grace period, revokes tenants and
 * resolves a key to its tenant; {@link io.fixfinder.store.tenants.TenantRules} checks what an
 * operator asks for against the lexicon before anything is stored.
 */
package io.fixfinder.store.tenants;
