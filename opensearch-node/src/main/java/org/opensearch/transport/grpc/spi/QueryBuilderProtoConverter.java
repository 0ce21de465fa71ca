package org.opensearch.transport.grpc.spi;

/**
 * Link-time stand-in for the transport-grpc SPI type the k-NN plugin's gRPC query converter
 * implements. OpenSearch's transport-grpc SPI is not published as a Maven artifact, and the k-NN
 * plugin creates its converter whenever it starts; with no gRPC transport loaded nothing calls it.
 */
public interface QueryBuilderProtoConverter {}
