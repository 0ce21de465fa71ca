/**
 * Link-time stand-in for OpenSearch's protobufs (see {@code org.opensearch.transport.grpc.spi}).
 */
package org.opensearch.protobufs;
