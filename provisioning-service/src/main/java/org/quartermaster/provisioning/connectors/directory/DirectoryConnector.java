package org.quartermaster.provisioning.connectors.directory;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;
import org.quartermaster.provisioning.connectors.domain.ConnectorFailure;
import org.quartermaster.provisioning.connectors.domain.GroupRole;
import org.quartermaster.provisioning.connectors.domain.ResourceConnector;
import org.quartermaster.provisioning.connectors.domain.RoleAssignmentTarget;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Mono;

/**
 * The built-in directory as a target system, over its Graph API: a {@code Member_{groupId}} role is a group
 * membership, an {@code Owner_{groupId}} role an ownership. The directory's {@code $ref} writes are idempotent, so a
 * repeated grant or revoke is harmless.
 *
 * <p>404 (unknown group or user) and 400 are permanent: asking again cannot help. Connection failures, timeouts,
 * 401/403 (a token or permission that an operator can fix), 408, 429 and 5xx are transient and retried.
 */
public class DirectoryConnector implements ResourceConnector {

  private final WebClient directory;
  private final URI baseUrl;
  private final Duration timeout;

  public DirectoryConnector(WebClient directory, URI baseUrl, Duration timeout) {
    this.directory = directory;
    this.baseUrl = baseUrl;
    this.timeout = timeout;
  }

  @Override
  public String originSystem() {
    return GroupRole.ORIGIN_SYSTEM;
  }

  @Override
  public CompletionStage<Void> grant(RoleAssignmentTarget target) {
    return Mono.defer(() -> {
      GroupRole role = groupRole(target);
      String reference = baseUrl.toString().replaceAll("/+$", "") + "/v1.0/directoryObjects/" + target.targetId();
      return directory.post().uri("/v1.0/groups/{group}/{navigation}/$ref", role.groupId(), role.navigation())
          .contentType(MediaType.APPLICATION_JSON)
          .bodyValue(Map.of("@odata.id", reference))
          .retrieve().toBodilessEntity().then();
    }).timeout(timeout).onErrorMap(error -> classify(error, "grant", target)).toFuture();
  }

  @Override
  public CompletionStage<Void> revoke(RoleAssignmentTarget target) {
    return Mono.defer(() -> {
      GroupRole role = groupRole(target);
      return directory.delete().uri("/v1.0/groups/{group}/{navigation}/{user}/$ref", role.groupId(), role.navigation(),
              target.targetId())
          .retrieve().toBodilessEntity().then()
          // A group that no longer exists holds nobody: the revoke has nothing left to do.
          .onErrorResume(WebClientResponseException.NotFound.class, gone -> Mono.empty());
    }).timeout(timeout).onErrorMap(error -> classify(error, "revoke", target)).toFuture();
  }

  private static GroupRole groupRole(RoleAssignmentTarget target) {
    return GroupRole.parse(target.roleOriginId()).orElseThrow(() -> ConnectorFailure.permanent(
        "Role '" + target.roleOriginId() + "' is not a directory group role (Member_{groupId} or Owner_{groupId})."));
  }

  static Throwable classify(Throwable error, String action, RoleAssignmentTarget target) {
    if (error instanceof ConnectorFailure) {
      return error;
    }
    String what = action + " of '" + target.roleOriginId() + "' for user '" + target.targetId() + "'";
    if (error instanceof WebClientResponseException response) {
      HttpStatus status = HttpStatus.resolve(response.getStatusCode().value());
      String detail = "the directory answered " + response.getStatusCode().value() + " " + graphMessage(response);
      if (status == HttpStatus.NOT_FOUND || status == HttpStatus.BAD_REQUEST) {
        return ConnectorFailure.permanent(detail);
      }
      if (status != null && (status.is5xxServerError() || status == HttpStatus.UNAUTHORIZED || status == HttpStatus.FORBIDDEN
          || status == HttpStatus.REQUEST_TIMEOUT || status == HttpStatus.TOO_MANY_REQUESTS)) {
        return ConnectorFailure.transientFailure(what + ": " + detail, error);
      }
      return ConnectorFailure.permanent(detail);
    }
    if (error instanceof WebClientRequestException || error instanceof TimeoutException) {
      return ConnectorFailure.transientFailure(what + ": the directory is unreachable (" + error.getMessage() + ")", error);
    }
    if (error instanceof ClientAuthorizationException) {
      return ConnectorFailure.transientFailure(what + ": no token for the directory (" + error.getMessage() + ")", error);
    }
    return ConnectorFailure.transientFailure(what + ": " + error, error);
  }

  /** The Graph error's own message, e.g. "Resource '…' of type 'group' does not exist." */
  private static String graphMessage(WebClientResponseException response) {
    String body = response.getResponseBodyAsString();
    int start = body.indexOf("\"message\"");
    if (start >= 0) {
      int open = body.indexOf('"', body.indexOf(':', start) + 1);
      int close = open < 0 ? -1 : body.indexOf('"', open + 1);
      if (open >= 0 && close > open) {
        return body.substring(open + 1, close);
      }
    }
    return response.getStatusText();
  }
}
