/** Building blocks for pure domain code: decisions return a {@link org.quartermaster.platform.domain.Change}, refusals a {@link org.quartermaster.platform.domain.RuleViolation}. */
package org.quartermaster.platform.domain;
