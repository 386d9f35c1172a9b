package org.quartermaster.events;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.quartermaster.events.catalog.AccessPackage;
import org.quartermaster.events.catalog.AccessPackageCatalog;
import org.quartermaster.events.catalog.AccessPackageCreated;
import org.quartermaster.events.catalog.AccessPackageDeleted;
import org.quartermaster.events.catalog.AccessPackageResource;
import org.quartermaster.events.catalog.AccessPackageResourceRole;
import org.quartermaster.events.catalog.AccessPackageResourceRoleScope;
import org.quartermaster.events.catalog.AccessPackageResourceRoleScopeAdded;
import org.quartermaster.events.catalog.AccessPackageResourceRoleScopeRemoved;
import org.quartermaster.events.catalog.AccessPackageResourceScope;
import org.quartermaster.events.catalog.AccessPackageUpdated;
import org.quartermaster.events.catalog.CatalogCreated;
import org.quartermaster.events.catalog.CatalogDeleted;
import org.quartermaster.events.catalog.CatalogResourceAdded;
import org.quartermaster.events.catalog.CatalogResourceRemoved;
import org.quartermaster.events.catalog.CatalogState;
import org.quartermaster.events.catalog.CatalogType;
import org.quartermaster.events.catalog.CatalogUpdated;
import org.quartermaster.events.catalog.IncompatibleAccessPackageAdded;
import org.quartermaster.events.catalog.IncompatibleAccessPackageRemoved;
import org.quartermaster.events.catalog.IncompatibleGroupAdded;
import org.quartermaster.events.catalog.IncompatibleGroupRemoved;
import org.quartermaster.events.directory.DirectoryGroup;
import org.quartermaster.events.directory.DirectoryUser;
import org.quartermaster.events.directory.GroupCreated;
import org.quartermaster.events.directory.GroupDeleted;
import org.quartermaster.events.directory.GroupMemberAdded;
import org.quartermaster.events.directory.GroupMemberRemoved;
import org.quartermaster.events.directory.GroupOwnerAdded;
import org.quartermaster.events.directory.GroupOwnerRemoved;
import org.quartermaster.events.directory.GroupUpdated;
import org.quartermaster.events.directory.UserCreated;
import org.quartermaster.events.directory.UserDeleted;
import org.quartermaster.events.directory.UserType;
import org.quartermaster.events.directory.UserUpdated;

/** One fully populated sample of every event type, for round-trip tests. */
final class SampleEvents {

  static final String USER_ID = "5f1c7d9e-0000-4000-8000-000000000001";
  static final String GROUP_ID = "5f1c7d9e-0000-4000-8000-000000000002";
  static final String CATALOG_ID = "5f1c7d9e-0000-4000-8000-000000000010";
  static final String RESOURCE_ID = "5f1c7d9e-0000-4000-8000-000000000011";
  static final String ROLE_ID = "5f1c7d9e-0000-4000-8000-000000000012";
  static final String SCOPE_ID = "5f1c7d9e-0000-4000-8000-000000000013";
  static final String PACKAGE_ID = "5f1c7d9e-0000-4000-8000-000000000014";
  static final String OTHER_PACKAGE_ID = "5f1c7d9e-0000-4000-8000-000000000015";

  private SampleEvents() {
  }

  static List<SpecificRecord> all() {
    return List.of(
        new UserCreated(metadata(USER_ID), user()),
        new UserUpdated(metadata(USER_ID), user()),
        new UserDeleted(metadata(USER_ID), USER_ID),
        new GroupCreated(metadata(GROUP_ID), group()),
        new GroupUpdated(metadata(GROUP_ID), group()),
        new GroupDeleted(metadata(GROUP_ID), GROUP_ID),
        new GroupMemberAdded(metadata(GROUP_ID), GROUP_ID, USER_ID),
        new GroupMemberRemoved(metadata(GROUP_ID), GROUP_ID, USER_ID),
        new GroupOwnerAdded(metadata(GROUP_ID), GROUP_ID, USER_ID),
        new GroupOwnerRemoved(metadata(GROUP_ID), GROUP_ID, USER_ID),
        new CatalogCreated(metadata(CATALOG_ID), catalog()),
        new CatalogUpdated(metadata(CATALOG_ID), catalog()),
        new CatalogDeleted(metadata(CATALOG_ID), CATALOG_ID),
        new CatalogResourceAdded(metadata(CATALOG_ID), resource()),
        new CatalogResourceRemoved(metadata(CATALOG_ID), resource()),
        new AccessPackageCreated(metadata(PACKAGE_ID), accessPackage()),
        new AccessPackageUpdated(metadata(PACKAGE_ID), accessPackage()),
        new AccessPackageDeleted(metadata(PACKAGE_ID), PACKAGE_ID, CATALOG_ID),
        new AccessPackageResourceRoleScopeAdded(metadata(PACKAGE_ID), roleScope()),
        new AccessPackageResourceRoleScopeRemoved(metadata(PACKAGE_ID), roleScope()),
        new IncompatibleAccessPackageAdded(metadata(PACKAGE_ID), PACKAGE_ID, OTHER_PACKAGE_ID),
        new IncompatibleAccessPackageRemoved(metadata(PACKAGE_ID), PACKAGE_ID, OTHER_PACKAGE_ID),
        new IncompatibleGroupAdded(metadata(PACKAGE_ID), PACKAGE_ID, GROUP_ID),
        new IncompatibleGroupRemoved(metadata(PACKAGE_ID), PACKAGE_ID, GROUP_ID));
  }

  static EventMetadata metadata(String aggregateId) {
    return EventMetadata.newBuilder()
        .setEventId(UUID.randomUUID())
        // timestamp-micros: truncate so the round trip compares equal on JDKs with nanosecond clocks.
        .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MICROS))
        .setAggregateId(aggregateId)
        .setCorrelationId(UUID.randomUUID().toString())
        .setCausationId(UUID.randomUUID().toString())
        .setActor(new Actor("admin-1", PrincipalType.USER))
        .build();
  }

  static DirectoryUser user() {
    return DirectoryUser.newBuilder()
        .setId(USER_ID)
        .setDisplayName("Adele Vance")
        .setUserPrincipalName("adele@contoso.example")
        .setMail("adele@contoso.example")
        .setMailNickname("adele")
        .setAccountEnabled(true)
        .setUserType(UserType.Member)
        .setDepartment("Retail")
        .setJobTitle("Buyer")
        .setManagerId("5f1c7d9e-0000-4000-8000-000000000003")
        .build();
  }

  static DirectoryGroup group() {
    return DirectoryGroup.newBuilder()
        .setId(GROUP_ID)
        .setDisplayName("Retail")
        .setDescription("Retail department")
        .setMailNickname("retail")
        .setSecurityEnabled(true)
        .setMailEnabled(false)
        .setGroupTypes(List.of("Unified"))
        .build();
  }

  static AccessPackageCatalog catalog() {
    return new AccessPackageCatalog(CATALOG_ID, "Marketing", "Marketing resources", CatalogType.userManaged,
        CatalogState.published, false);
  }

  static AccessPackageResourceRole memberRole() {
    return new AccessPackageResourceRole(ROLE_ID, "Member_" + GROUP_ID, "AadGroup", "Member", null);
  }

  static AccessPackageResourceScope rootScope() {
    return new AccessPackageResourceScope(SCOPE_ID, GROUP_ID, "AadGroup", "Root", "Root Scope", true);
  }

  static AccessPackageResource resource() {
    return new AccessPackageResource(RESOURCE_ID, CATALOG_ID, GROUP_ID, "AadGroup", "Retail", "Retail department",
        "Security Group", List.of(memberRole()), List.of(rootScope()));
  }

  static AccessPackage accessPackage() {
    return new AccessPackage(PACKAGE_ID, CATALOG_ID, "Marketing Campaign", null, false);
  }

  static AccessPackageResourceRoleScope roleScope() {
    return new AccessPackageResourceRoleScope(ROLE_ID + "_" + SCOPE_ID, PACKAGE_ID, CATALOG_ID, memberRole(), rootScope(),
        RESOURCE_ID, GROUP_ID, "AadGroup", "Retail");
  }
}
