package org.quartermaster.provisioning.directory.domain;

import java.util.UUID;

/** A directory user as the directory's events describe it: the subject an assignment targets. */
public record DirectoryUser(UUID id, String displayName, String userPrincipalName, String mail) {
}
