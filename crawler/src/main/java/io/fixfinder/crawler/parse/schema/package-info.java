/** Extraction from schema.org markup (JSON-LD and microdata) read into one JSON shape. */
package io.fixfinder.crawler.parse.schema;
