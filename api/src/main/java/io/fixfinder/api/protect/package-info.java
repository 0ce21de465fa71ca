/** Protection of the API: client identity, rate limiting, CORS. */
package io.fixfinder.api.protect;
