/** The index schema: field names, the record-to-document mapper and the schema version. */
package io.fixfinder.indexer.schema;
