package org.quartermaster.directory.groups.domain;

/** How a user belongs to a group: the two roles a catalog offers for a group resource. */
public enum Relationship {
  MEMBER, OWNER
}
