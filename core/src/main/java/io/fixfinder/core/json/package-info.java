/** JSON settings shared by the records on disk (JSON lines) and the API. */
package io.fixfinder.core.json;
