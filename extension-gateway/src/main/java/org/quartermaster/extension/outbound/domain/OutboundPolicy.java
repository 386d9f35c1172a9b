package org.quartermaster.extension.outbound.domain;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which endpoint URLs the gateway may call. An extension's URL is chosen by whoever may edit a catalog, and the
 * gateway calls it from inside the network, so it must not become a way to reach the cloud's metadata service or
 * internal systems (server-side request forgery). The host is resolved and every address it resolves to is checked:
 * link-local and cloud-metadata addresses are refused always; private, loopback and unique-local ones only when the
 * configuration allows private networks or names the host. Checked when an extension is defined and again before
 * every call, since DNS answers change.
 */
public record OutboundPolicy(boolean allowPrivateNetworks, List<String> allowedHosts, Resolver resolver) {

  /** Resolves a host name to its addresses; the system's DNS in production. */
  @FunctionalInterface
  public interface Resolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  public static final Resolver SYSTEM_RESOLVER = InetAddress::getAllByName;

  private static final Set<String> METADATA_HOSTS = Set.of("metadata.google.internal", "metadata", "instance-data",
      "metadata.azure.com");
  private static final Set<String> METADATA_ADDRESSES = Set.of("169.254.169.254", "100.100.100.200", "fd00:ec2:0:0:0:0:0:254");

  public OutboundPolicy {
    allowedHosts = allowedHosts == null ? List.of()
        : allowedHosts.stream().map(host -> host.trim().toLowerCase(Locale.ROOT)).filter(host -> !host.isEmpty()).toList();
  }

  /** Parses and checks a URL without resolving it: scheme and shape only. */
  public static URI parse(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException | NullPointerException e) {
      throw new OutboundRefused("'" + url + "' is not a valid URL.");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new OutboundRefused("'" + url + "' must be an absolute http or https URL.");
    }
    if (uri.getHost() == null || uri.getHost().isBlank()) {
      throw new OutboundRefused("'" + url + "' has no host.");
    }
    if (uri.getUserInfo() != null) {
      throw new OutboundRefused("'" + url + "' must not carry credentials in the URL.");
    }
    return uri;
  }

  /** The URL, parsed, if the gateway may call it now; otherwise {@link OutboundRefused} naming why. */
  public URI check(String url) {
    URI uri = parse(url);
    String host = hostOf(uri);
    if (METADATA_HOSTS.contains(host)) {
      throw new OutboundRefused("'" + host + "' is a cloud metadata service, which extensions may never call.");
    }
    InetAddress[] addresses;
    try {
      addresses = resolver.resolve(host);
    } catch (UnknownHostException e) {
      throw new OutboundRefused("The host '" + host + "' does not resolve.");
    }
    for (InetAddress address : addresses) {
      checkAddress(host, address);
    }
    return uri;
  }

  private void checkAddress(String host, InetAddress address) {
    String literal = address.getHostAddress();
    if (METADATA_ADDRESSES.contains(literal) || address.isLinkLocalAddress()) {
      throw new OutboundRefused("'" + host + "' resolves to " + literal
          + ", a link-local or cloud metadata address, which extensions may never call.");
    }
    if (address.isMulticastAddress()) {
      throw new OutboundRefused("'" + host + "' resolves to the multicast address " + literal + ".");
    }
    if (isPrivate(address) && !allowPrivateNetworks && !allowedHosts.contains(host)) {
      throw new OutboundRefused("'" + host + "' resolves to the private address " + literal
          + "; private networks are refused unless quartermaster.extension.outbound.allow-private-networks or "
          + "allowed-hosts allows them.");
    }
  }

  static boolean isPrivate(InetAddress address) {
    if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isAnyLocalAddress()) {
      return true;
    }
    // Unique local IPv6, fc00::/7.
    return address instanceof Inet6Address && (address.getAddress()[0] & 0xFE) == 0xFC;
  }

  private static String hostOf(URI uri) {
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
  }
}
