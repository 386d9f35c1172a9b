package org.quartermaster.e2e;

import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.authentication.BaseBearerTokenAuthenticationProvider;
import java.net.URI;

/** The official Microsoft Graph Java SDK, pointed at the gateway instead of graph.microsoft.com. */
final class GraphSdk {

  private GraphSdk() {
  }

  /** A client acting as the seeded administrator; its v1.0 requests go to the gateway's {@code /v1.0}. */
  static GraphServiceClient asAdministrator(RunningSystem system) {
    return withToken(system, system.adminToken());
  }

  /** A client acting as whoever the token was issued to, e.g. a requestor signed in on their own. */
  static GraphServiceClient withToken(RunningSystem system, String token) {
    String host = URI.create(system.baseUrl()).getHost();
    GraphServiceClient client = new GraphServiceClient(
        new BaseBearerTokenAuthenticationProvider(new DevTokenAccessTokenProvider(token, host)));
    client.getRequestAdapter().setBaseUrl(system.baseUrl() + "/v1.0");
    return client;
  }
}
