package org.quartermaster.provisioning.assignments.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.UUID;
import org.quartermaster.provisioning.catalog.domain.PackageSummary;

/**
 * An expanded accessPackage, from the catalog's events: v1.0 leaves out {@code catalogId}, beta carries it. A package
 * the read model does not know comes back with its id only.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PackageView(UUID id, UUID catalogId, String displayName, String description, Boolean isHidden) {

  public static PackageView of(UUID id, PackageSummary summary, boolean beta) {
    if (summary == null) {
      return new PackageView(id, null, null, null, null);
    }
    return new PackageView(id, beta ? summary.catalogId() : null, summary.displayName(), summary.description(),
        summary.hidden());
  }
}
