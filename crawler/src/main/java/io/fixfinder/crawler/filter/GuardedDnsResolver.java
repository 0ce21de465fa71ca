package io.fixfinder.crawler.filter;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.apache.http.conn.DnsResolver;

/**
 * The DNS resolver the HTTP client connects through: it refuses private addresses unless the site
 * allows them. Because the check sits at connect time it also covers redirect hops and DNS answers
 * that change between queueing and fetching (DNS rebinding).
 */
public final class GuardedDnsResolver implements DnsResolver {
  private final AddressPolicy policy;
  private final boolean allowPrivate;

  public GuardedDnsResolver(AddressPolicy policy, boolean allowPrivate) {
    this.policy = policy;
    this.allowPrivate = allowPrivate;
  }

  @Override
  public InetAddress[] resolve(String host) throws UnknownHostException {
    InetAddress[] addresses = policy.resolve(host);
    if (!allowPrivate) {
      for (InetAddress address : addresses) {
        if (AddressPolicy.isPrivate(address)) {
          throw new UnknownHostException(host + " resolves to a private address; refused");
        }
      }
    }
    return addresses;
  }
}
