package org.quartermaster.extension.readmodels.application;

import java.util.List;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.quartermaster.events.Topics;
import org.quartermaster.events.catalog.AccessPackage;
import org.quartermaster.events.catalog.AccessPackageCatalog;
import org.quartermaster.events.catalog.AccessPackageCreated;
import org.quartermaster.events.catalog.AccessPackageDeleted;
import org.quartermaster.events.catalog.AccessPackageUpdated;
import org.quartermaster.events.catalog.CatalogCreated;
import org.quartermaster.events.catalog.CatalogDeleted;
import org.quartermaster.events.catalog.CatalogUpdated;
import org.quartermaster.events.directory.DirectoryUser;
import org.quartermaster.events.directory.UserCreated;
import org.quartermaster.events.directory.UserDeleted;
import org.quartermaster.events.directory.UserUpdated;
import org.quartermaster.events.policy.AssignmentPolicy;
import org.quartermaster.events.policy.AssignmentPolicyCreated;
import org.quartermaster.events.policy.AssignmentPolicyDeleted;
import org.quartermaster.events.policy.AssignmentPolicyUpdated;
import org.quartermaster.extension.definitions.domain.Stage;
import org.quartermaster.extension.readmodels.domain.Facts.Binding;
import org.quartermaster.extension.readmodels.domain.Facts.CatalogFacts;
import org.quartermaster.extension.readmodels.domain.Facts.PackageFacts;
import org.quartermaster.extension.readmodels.domain.Facts.PolicyFacts;
import org.quartermaster.extension.readmodels.domain.Facts.UserFacts;
import org.quartermaster.extension.readmodels.persistence.ReadModelStore;
import org.quartermaster.platform.inbox.EventSubscription;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.publisher.Mono;

/**
 * Keeps the read models: catalogs and access packages (names for payloads, and whether a catalog exists), policies
 * with their customExtensionStageSettings (which extension runs when, and which policies block a delete), and users
 * (names for payloads). The request topic is read by the callout planner, which keeps the request read model itself.
 */
@Configuration(proxyBeanMethods = false)
public class ReadModelProjections {

  private final ReadModelStore store;

  public ReadModelProjections(ReadModelStore store) {
    this.store = store;
  }

  @Bean
  EventSubscription catalogSubscription() {
    return new EventSubscription("catalog", List.of(Topics.CATALOG_CATALOGS, Topics.CATALOG_ACCESS_PACKAGES), this::catalog);
  }

  @Bean
  EventSubscription policySubscription() {
    return new EventSubscription("assignment-policies", List.of(Topics.POLICY_ASSIGNMENT_POLICIES), this::policy);
  }

  @Bean
  EventSubscription directoryUsersSubscription() {
    return new EventSubscription("directory-users", List.of(Topics.DIRECTORY_USERS), this::user);
  }

  Mono<Void> catalog(SpecificRecord event) {
    if (event instanceof CatalogCreated created) {
      return store.upsertCatalog(catalog(created.getCatalog()));
    }
    if (event instanceof CatalogUpdated updated) {
      return store.upsertCatalog(catalog(updated.getCatalog()));
    }
    if (event instanceof CatalogDeleted deleted) {
      return store.deleteCatalog(UUID.fromString(deleted.getCatalogId()));
    }
    if (event instanceof AccessPackageCreated created) {
      return store.upsertPackage(accessPackage(created.getAccessPackage()));
    }
    if (event instanceof AccessPackageUpdated updated) {
      return store.upsertPackage(accessPackage(updated.getAccessPackage()));
    }
    if (event instanceof AccessPackageDeleted deleted) {
      return store.deletePackage(UUID.fromString(deleted.getAccessPackageId()));
    }
    return Mono.empty();
  }

  Mono<Void> policy(SpecificRecord event) {
    if (event instanceof AssignmentPolicyCreated created) {
      return replace(created.getPolicy());
    }
    if (event instanceof AssignmentPolicyUpdated updated) {
      return replace(updated.getPolicy());
    }
    if (event instanceof AssignmentPolicyDeleted deleted) {
      return store.deletePolicy(UUID.fromString(deleted.getPolicyId()));
    }
    return Mono.empty();
  }

  Mono<Void> user(SpecificRecord event) {
    if (event instanceof UserCreated created) {
      return store.upsertUser(user(created.getUser()));
    }
    if (event instanceof UserUpdated updated) {
      return store.upsertUser(user(updated.getUser()));
    }
    if (event instanceof UserDeleted deleted) {
      return store.deleteUser(UUID.fromString(deleted.getUserId()));
    }
    return Mono.empty();
  }

  private Mono<Void> replace(AssignmentPolicy policy) {
    UUID id = UUID.fromString(policy.getId());
    List<Binding> bindings = policy.getCustomExtensionStageSettings() == null ? List.of()
        : policy.getCustomExtensionStageSettings().stream()
            .map(setting -> new Binding(id, Stage.lookup(setting.getStage()).map(Stage::graphName).orElse(setting.getStage()), UUID.fromString(setting.getCustomExtensionId())))
            .toList();
    return store.replacePolicy(new PolicyFacts(id, UUID.fromString(policy.getAccessPackageId()), policy.getDisplayName()),
        bindings);
  }

  private static CatalogFacts catalog(AccessPackageCatalog catalog) {
    return new CatalogFacts(UUID.fromString(catalog.getId()), catalog.getDisplayName(), catalog.getDescription());
  }

  private static PackageFacts accessPackage(AccessPackage accessPackage) {
    return new PackageFacts(UUID.fromString(accessPackage.getId()), UUID.fromString(accessPackage.getCatalogId()),
        accessPackage.getDisplayName(), accessPackage.getDescription());
  }

  private static UserFacts user(DirectoryUser user) {
    return new UserFacts(UUID.fromString(user.getId()), user.getDisplayName(), user.getUserPrincipalName());
  }
}
