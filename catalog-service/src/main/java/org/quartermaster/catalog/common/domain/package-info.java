/** Building blocks the catalog's domains share: audit stamps, references, text rules and the two kinds of refusal beyond a bad value. */
package org.quartermaster.catalog.common.domain;
