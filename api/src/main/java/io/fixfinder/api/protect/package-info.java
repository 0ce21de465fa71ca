/**
 * Protection of the API from its clients: who a client is ({@link
 * io.fixfinder.api.protect.ClientKey}: its address, never an identity it picks) and how often it
 * may ask ({@link io.fixfinder.api.protect.RateLimiter}, bounded in memory however many clients
 * come).
 */
package io.fixfinder.api.protect;
