/**
 * Link-time stand-ins for OpenSearch's transport-grpc SPI, which is not published as a Maven
 * artifact: the k-NN plugin names these types in a component it always creates (a gRPC query
 * converter), and the node reflects over that component's methods when it starts. No gRPC transport
 * runs here, so nothing ever calls them. Remove when the SPI jar is served.
 */
package org.opensearch.transport.grpc.spi;
