package org.quartermaster.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quartermaster.e2e.MarketingCampaign.V1;
import static org.quartermaster.e2e.MarketingCampaign.created;
import static org.quartermaster.e2e.MarketingCampaign.ok;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A 30-day assignment ends when its 30 days are up, with the membership it granted. Time is moved, not waited for: the
 * test runs on a devstack of its own whose services all read one clock (a {@link ClockedSystem}), so moving it cannot
 * disturb the tests sharing the run's other devstack.
 */
@EndToEnd
class AssignmentExpiryTest {

  @Test
  void aThirtyDayAssignmentExpiresWithItsMembershipWhenThirtyDaysHavePassed(ClockedSystem clocked) {
    RunningSystem system = clocked.system();
    GraphHttp admin = GraphHttp.asAdministrator(system);
    MarketingCampaign campaign = MarketingCampaign.build(admin, "Marketing Campaign");
    String requestorId = campaign.requestor().id();
    String policyId = created(admin.post(V1 + "/assignmentPolicies", Map.of(
        "displayName", "Specific users for 30 days",
        "allowedTargetScope", "specificDirectoryUsers",
        "specificAllowedTargets", List.of(Map.of("@odata.type", "#microsoft.graph.singleUser", "userId", requestorId)),
        "expiration", Map.of("type", "afterDuration", "duration", "P30D"),
        "requestorSettings", Map.of("enableTargetsToSelfAddAccess", true),
        "accessPackage", Map.of("id", campaign.packageId())))).path("id").asString();
    GraphHttp asRequestor = GraphHttp.withToken(system, campaign.requestor().token(system));
    String requestId = created(asRequestor.post(V1 + "/assignmentRequests", Map.of(
        "requestType", "userAdd",
        "assignment", Map.of("targetId", requestorId, "assignmentPolicyId", policyId,
            "accessPackageId", campaign.packageId())))).path("id").asString();
    JsonNode request = Eventually.await("request delivered",
        () -> ok(admin.get(V1 + "/assignmentRequests/" + requestId + "?$expand=assignment")).body(),
        body -> Eventually.completed(body.path("state").asString()));
    assertThat(request.path("state").asString()).isEqualTo("delivered");
    String assignmentPath = V1 + "/assignments/" + request.path("assignment").path("id").asString();
    JsonNode assignment = ok(admin.get(assignmentPath)).body();
    assertThat(assignment.path("state").asString()).isEqualTo("delivered");
    Instant start = Instant.parse(assignment.path("schedule").path("startDateTime").asString());
    Instant end = Instant.parse(assignment.path("schedule").path("expiration").path("endDateTime").asString());
    assertThat(Duration.between(start, end)).isEqualTo(Duration.ofDays(30));
    assertThat(campaign.memberIds(admin)).containsExactly(requestorId);

    clocked.clock().advance(Duration.ofDays(30).plusMinutes(1));

    JsonNode expired = Eventually.await("assignment expired", () -> ok(admin.get(assignmentPath)).body(),
        body -> !body.path("state").asString().equals("delivered"));
    assertThat(expired.path("state").asString()).isEqualTo("expired");
    assertThat(expired.path("status").asString()).isEqualTo("Expired");
    assertThat(Instant.parse(expired.path("expiredDateTime").asString())).isAfterOrEqualTo(end);
    assertThat(campaign.memberIds(admin)).isEmpty();
    assertThat(ok(admin.get(V1 + "/assignments?$filter=accessPackage/id eq '" + campaign.packageId()
        + "' and state eq 'Delivered'")).values()).isEmpty();
  }
}
