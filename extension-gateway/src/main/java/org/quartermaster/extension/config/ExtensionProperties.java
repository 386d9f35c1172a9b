package org.quartermaster.extension.config;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The extension gateway's own settings, under {@code quartermaster.extension}.
 *
 * @param outbound what the gateway may call, and how much of it at once
 * @param callouts how queued callouts are sent and retried
 * @param callbacks how often callback deadlines are checked
 */
@ConfigurationProperties("quartermaster.extension")
public record ExtensionProperties(@DefaultValue Outbound outbound, @DefaultValue Callouts callouts,
    @DefaultValue Callbacks callbacks) {

  /**
   * @param allowPrivateNetworks whether endpoints on private ranges (10/8, 172.16/12, 192.168/16, 127/8, ::1,
   *     fc00::/7) may be called; link-local and cloud-metadata addresses never may
   * @param allowedHosts host names allowed even when they resolve to a private address
   * @param maxConcurrentPerHost callouts in flight to one endpoint host at once, so a slow endpoint cannot take
   *     every worker
   * @param maxResponseBytes how much of an endpoint's answer is read; the rest is discarded
   */
  public record Outbound(@DefaultValue("false") boolean allowPrivateNetworks, @DefaultValue List<String> allowedHosts,
      @DefaultValue("4") int maxConcurrentPerHost, @DefaultValue("65536") int maxResponseBytes,
      @DefaultValue("5s") Duration tokenTimeout) {
  }

  /**
   * @param workers callouts one instance sends at once, over all hosts
   * @param pollInterval the backstop when no commit wakes the workers
   * @param initialBackoff the wait before the first retry; it doubles per retry
   * @param maxBackoff the longest wait between two attempts
   */
  public record Callouts(@DefaultValue("8") int workers, @DefaultValue("500ms") Duration pollInterval,
      @DefaultValue("2s") Duration initialBackoff, @DefaultValue("30s") Duration maxBackoff) {
  }

  /** @param pollInterval how often callback deadlines are looked at, on the service's clock */
  public record Callbacks(@DefaultValue("1s") Duration pollInterval) {
  }
}
