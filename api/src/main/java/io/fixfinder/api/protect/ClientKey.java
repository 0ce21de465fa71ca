package io.fixfinder.api.protect;

import io.javalin.http.Context;
import java.util.List;
import java.util.Set;

/**
 * Who a request comes from, for rate limiting: the TCP peer's address, unless that peer is a
 * configured trusted proxy, in which case the right-most {@code X-Forwarded-For} entry not itself a
 * trusted proxy. A client-sent header is never believed otherwise (Javalin's bundled limiter trusts
 * it, which lets anyone pick a fresh identity per request). The API key, when sent, is part of the
 * key so that one company's widget traffic does not starve another's.
 */
public final class ClientKey {
  private final Set<String> trustedProxies;

  public ClientKey(List<String> trustedProxies) {
    this.trustedProxies = Set.copyOf(trustedProxies);
  }

  public String of(Context ctx) {
    String address = ctx.req().getRemoteAddr();
    if (trustedProxies.contains(address)) {
      String forwarded = ctx.header("X-Forwarded-For");
      if (forwarded != null) {
        String[] hops = forwarded.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
          String hop = hops[i].strip();
          if (!hop.isEmpty() && !trustedProxies.contains(hop)) {
            address = hop;
            break;
          }
        }
      }
    }
    String apiKey = ctx.header("X-Api-Key");
    return apiKey == null || apiKey.isBlank() ? address : address + "|" + apiKey.strip();
  }
}
