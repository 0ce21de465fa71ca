/**
 * HTTP concerns shared by every route: security headers, CORS, ETags. Each is a small before- or
 * after-handler the route table's wiring installs; the security headers are also written by the
 * Jetty error handler for requests refused before they reach Javalin.
 */
package io.fixfinder.api.http;
