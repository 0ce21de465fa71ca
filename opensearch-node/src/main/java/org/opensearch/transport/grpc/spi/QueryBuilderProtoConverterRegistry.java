package org.opensearch.transport.grpc.spi;

/** Link-time stand-in: see {@link QueryBuilderProtoConverter}. */
public interface QueryBuilderProtoConverterRegistry {}
