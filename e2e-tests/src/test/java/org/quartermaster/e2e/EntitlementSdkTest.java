package org.quartermaster.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.graph.identitygovernance.entitlementmanagement.EntitlementManagementRequestBuilder;
import com.microsoft.graph.models.AccessPackage;
import com.microsoft.graph.models.AccessPackageCatalog;
import com.microsoft.graph.models.AccessPackageCatalogState;
import com.microsoft.graph.models.AccessPackageCatalogType;
import com.microsoft.graph.models.AccessPackageRequestState;
import com.microsoft.graph.models.AccessPackageRequestType;
import com.microsoft.graph.models.AccessPackageResource;
import com.microsoft.graph.models.AccessPackageResourceRequest;
import com.microsoft.graph.models.AccessPackageResourceRole;
import com.microsoft.graph.models.AccessPackageResourceRoleScope;
import com.microsoft.graph.models.AccessPackageResourceScope;
import com.microsoft.graph.models.Group;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.serialization.AdditionalDataHolder;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Seed 001's step 1 with the official Microsoft Graph Java SDK. The SDK parses every answer into its typed models
 * and maps an enum value it does not know to null instead of failing, so each step checks the typed values, not
 * merely that a call returned.
 */
@EndToEnd
class EntitlementSdkTest {

  @Test
  void seed001Step1BuildsTheMarketingCampaignPackageWithTheGraphSdk(RunningSystem system) {
    GraphServiceClient graph = GraphSdk.asAdministrator(system);
    EntitlementManagementRequestBuilder entitlements = graph.identityGovernance().entitlementManagement();

    // 1.1 Get the identifier for the General catalog
    List<AccessPackageCatalog> catalogs = entitlements.catalogs()
        .get(config -> config.queryParameters.filter = "(displayName eq 'General')").getValue();
    assertThat(catalogs).singleElement().satisfies(general -> {
      assertThat(general.getDisplayName()).isEqualTo("General");
      assertThat(general.getDescription()).isEqualTo("Built-in catalog.");
      assertThat(general.getCatalogType()).isEqualTo(AccessPackageCatalogType.ServiceDefault);
      assertThat(general.getState()).isEqualTo(AccessPackageCatalogState.Published);
      assertThat(general.getIsExternallyVisible()).isTrue();
      assertThat(general.getCreatedDateTime()).isNotNull();
    });
    String catalogId = catalogs.get(0).getId();
    assertOnlyGraphProperties(catalogs.get(0));

    // 1.2 Add a group made just before to the catalog
    String name = "Marketing resources " + UUID.randomUUID().toString().substring(0, 8);
    Group group = new Group();
    group.setDisplayName(name);
    group.setDescription("Marketing group");
    group.setMailEnabled(false);
    group.setMailNickname("markres");
    group.setSecurityEnabled(true);
    String groupId = graph.groups().post(group).getId();

    AccessPackageResource groupResource = new AccessPackageResource();
    groupResource.setOriginId(groupId);
    groupResource.setOriginSystem("AadGroup");
    AccessPackageResourceRequest addGroup = new AccessPackageResourceRequest();
    addGroup.setRequestType(AccessPackageRequestType.AdminAdd);
    addGroup.setCatalog(catalogReference(catalogId));
    addGroup.setResource(groupResource);
    AccessPackageResourceRequest request = entitlements.resourceRequests().post(addGroup);
    assertThat(request.getId()).isNotBlank();
    assertThat(request.getRequestType()).isEqualTo(AccessPackageRequestType.AdminAdd);
    assertThat(request.getState()).isEqualTo(AccessPackageRequestState.Delivered);
    assertOnlyGraphProperties(request, request.getCatalog(), request.getResource());

    // 1.3 Get catalog resources
    List<AccessPackageResource> resources = entitlements.catalogs().byAccessPackageCatalogId(catalogId).resources()
        .get(config -> config.queryParameters.filter = "originId eq '" + groupId + "'").getValue();
    assertThat(resources).singleElement().satisfies(resource -> {
      assertThat(resource.getDisplayName()).isEqualTo(name);
      assertThat(resource.getDescription()).isEqualTo("Marketing group");
      assertThat(resource.getOriginSystem()).isEqualTo("AadGroup");
      assertThat(resource.getCreatedDateTime()).isNotNull();
      assertThat(resource.getAttributes()).isEmpty();
    });
    String resourceId = resources.get(0).getId();
    assertOnlyGraphProperties(resources.get(0));
    assertThat(resourceId).isNotEqualTo(groupId);

    // 1.4 Get resource roles
    List<AccessPackageResourceRole> roles = entitlements.catalogs().byAccessPackageCatalogId(catalogId).resourceRoles()
        .get(config -> {
          config.queryParameters.filter = "(originSystem eq 'AadGroup' and displayName eq 'Member' and resource/id eq '"
              + resourceId + "')";
          config.queryParameters.expand = new String[] {"resource"};
        }).getValue();
    assertThat(roles).singleElement().satisfies(role -> {
      assertThat(role.getDisplayName()).isEqualTo("Member");
      assertThat(role.getOriginSystem()).isEqualTo("AadGroup");
      assertThat(role.getOriginId()).isEqualTo("Member_" + groupId);
      assertThat(role.getResource().getId()).isEqualTo(resourceId);
      assertThat(role.getResource().getOriginId()).isEqualTo(groupId);
    });
    AccessPackageResourceRole member = roles.get(0);
    assertOnlyGraphProperties(member, member.getResource());

    // 1.5 Create the access package
    AccessPackage campaign = new AccessPackage();
    campaign.setDisplayName("Marketing Campaign");
    campaign.setDescription("Access to resources for the campaign");
    campaign.setCatalog(catalogReference(catalogId));
    AccessPackage accessPackage = entitlements.accessPackages().post(campaign);
    assertThat(accessPackage.getDisplayName()).isEqualTo("Marketing Campaign");
    assertThat(accessPackage.getIsHidden()).isFalse();
    assertThat(accessPackage.getCreatedDateTime()).isNotNull();
    String packageId = accessPackage.getId();
    assertOnlyGraphProperties(accessPackage);

    // 1.6 Add the Member role, at the group's scope, to the access package
    AccessPackageResource roleResource = new AccessPackageResource();
    roleResource.setId(resourceId);
    roleResource.setOriginId(groupId);
    roleResource.setOriginSystem("AadGroup");
    AccessPackageResourceRole role = new AccessPackageResourceRole();
    role.setOriginId(member.getOriginId());
    role.setDisplayName("Member");
    role.setOriginSystem("AadGroup");
    role.setResource(roleResource);
    AccessPackageResourceScope scope = new AccessPackageResourceScope();
    scope.setOriginId(groupId);
    scope.setOriginSystem("AadGroup");
    AccessPackageResourceRoleScope grant = new AccessPackageResourceRoleScope();
    grant.setRole(role);
    grant.setScope(scope);
    AccessPackageResourceRoleScope granted = entitlements.accessPackages().byAccessPackageId(packageId).resourceRoleScopes()
        .post(grant);
    assertThat(granted.getCreatedDateTime()).isNotNull();
    assertOnlyGraphProperties(granted, granted.getRole(), granted.getScope());

    AccessPackage expanded = entitlements.accessPackages().byAccessPackageId(packageId)
        .get(config -> config.queryParameters.expand = new String[] {"resourceRoleScopes($expand=role,scope)"});
    assertThat(expanded.getResourceRoleScopes()).singleElement().satisfies(held -> {
      assertThat(held.getId()).isEqualTo(member.getId() + "_" + held.getScope().getId()).isEqualTo(granted.getId());
      assertThat(held.getRole().getOriginId()).isEqualTo("Member_" + groupId);
      assertThat(held.getScope().getOriginId()).isEqualTo(groupId);
      assertThat(held.getScope().getIsRootScope()).isTrue();
      assertOnlyGraphProperties(held, held.getRole(), held.getScope());
    });
  }

  /**
   * The SDK keeps a property its model lacks in additionalData instead of failing, so a misspelt or invented property
   * would pass unnoticed; only OData annotations such as {@code @odata.context} belong there.
   */
  private static void assertOnlyGraphProperties(AdditionalDataHolder... models) {
    for (AdditionalDataHolder model : models) {
      assertThat(model).isNotNull();
      assertThat(model.getAdditionalData().keySet()).as("properties %s does not define", model.getClass().getSimpleName())
          .allMatch(name -> name.startsWith("@"));
    }
  }

  /**
   * A fresh reference per request: the SDK's backing store sends only values changed since the model was last
   * serialized, so a model reused for a second request goes out empty (microsoft/kiota-java#1561).
   */
  private static AccessPackageCatalog catalogReference(String id) {
    AccessPackageCatalog catalog = new AccessPackageCatalog();
    catalog.setId(id);
    return catalog;
  }
}
