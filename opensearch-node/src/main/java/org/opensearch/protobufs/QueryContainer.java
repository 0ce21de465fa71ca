package org.opensearch.protobufs;

/**
 * Link-time stand-in for the gRPC protobuf type the k-NN plugin's converter names (see {@code
 * org.opensearch.transport.grpc.spi}); never instantiated.
 */
public final class QueryContainer {
  private QueryContainer() {}

  /** The protobuf's query case: named in a method signature only. */
  public enum QueryContainerCase {}
}
