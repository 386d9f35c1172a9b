package org.quartermaster.request.separation.domain;

import java.util.UUID;

/**
 * One declaration, as Graph records it: {@code accessPackageId} lists {@code incompatibleAccessPackageId} among its
 * incompatibleAccessPackages. Graph stores one direction; Quartermaster enforces both.
 */
public record IncompatiblePackages(UUID accessPackageId, UUID incompatibleAccessPackageId) {
}
