package org.quartermaster.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.microsoft.graph.models.DirectoryObject;
import com.microsoft.graph.models.Group;
import com.microsoft.graph.models.PasswordProfile;
import com.microsoft.graph.models.ReferenceCreate;
import com.microsoft.graph.models.User;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Seed 000 with the official Microsoft Graph Java SDK, the reference client: if our responses
 * drift from Graph's shapes, deserialization here fails.
 */
@EndToEnd
class GraphSdkTest {

  @Test
  void seed000Step1ManagesGroupMembershipWithTheGraphSdk(RunningSystem system) {
    GraphServiceClient graph = GraphSdk.asAdministrator(system);
    String name = "Requestor1-" + UUID.randomUUID().toString().substring(0, 8);

    PasswordProfile password = new PasswordProfile();
    password.setPassword("Contoso1234");
    password.setForceChangePasswordNextSignIn(true);
    User user = new User();
    user.setDisplayName(name);
    user.setPasswordProfile(password);
    user.setAccountEnabled(true);
    user.setMailNickname(name);
    user.setUserPrincipalName(name + "@contoso.onmicrosoft.com");
    User requestor = graph.users().post(user);
    assertThat(requestor.getId()).isNotBlank();
    assertThat(requestor.getUserPrincipalName()).isEqualTo(name + "@contoso.onmicrosoft.com");

    Group group = new Group();
    group.setDisplayName("Marketing resources");
    group.setDescription("Marketing resources");
    group.setMailEnabled(false);
    group.setMailNickname("markres");
    group.setSecurityEnabled(true);
    Group marketing = graph.groups().post(group);
    assertThat(marketing.getId()).isNotBlank();
    assertThat(marketing.getSecurityEnabled()).isTrue();

    ReferenceCreate member = new ReferenceCreate();
    member.setOdataId("https://graph.microsoft.com/v1.0/directoryObjects/" + requestor.getId());
    graph.groups().byGroupId(marketing.getId()).members().ref().post(member);

    List<DirectoryObject> members = graph.groups().byGroupId(marketing.getId()).members().get().getValue();
    assertThat(members).singleElement().isInstanceOfSatisfying(User.class, found -> {
      assertThat(found.getId()).isEqualTo(requestor.getId());
      assertThat(found.getDisplayName()).isEqualTo(name);
    });

    graph.groups().byGroupId(marketing.getId()).members().byDirectoryObjectId(requestor.getId()).ref().delete();
    assertThat(graph.groups().byGroupId(marketing.getId()).members().get().getValue()).isEmpty();
  }

  @Test
  void aMissingGroupIsAnODataErrorTheSdkUnderstands(RunningSystem system) {
    String missing = UUID.randomUUID().toString();

    ODataError error = catchThrowableOfType(ODataError.class,
        () -> GraphSdk.asAdministrator(system).groups().byGroupId(missing).get());

    assertThat(error.getResponseStatusCode()).isEqualTo(404);
    assertThat(error.getError().getCode()).isEqualTo("itemNotFound");
    assertThat(error.getError().getMessage()).isNotBlank();
    assertThat(error.getError().getInnerError().getRequestId()).isNotBlank();
  }
}
