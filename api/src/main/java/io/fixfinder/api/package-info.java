/**
 * The FixFinder HTTP API: {@link io.fixfinder.api.ApiServer} holds the one route table; each
 * feature has its package (search, problem, and later issues, helpers, tenants).
 */
package io.fixfinder.api;
