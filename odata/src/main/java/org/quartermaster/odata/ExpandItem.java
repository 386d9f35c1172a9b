package org.quartermaster.odata;

import java.util.List;
import java.util.Objects;

/**
 * One navigation property named in {@code $expand} (canonical spelling), with the items of its nested
 * {@code $expand}, for example {@code resourceRoleScopes} with nested {@code role} and {@code scope}.
 */
public record ExpandItem(String name, List<ExpandItem> nested) {

    public ExpandItem {
        Objects.requireNonNull(name, "name");
        nested = List.copyOf(nested);
    }

    /** An item without nested expansions. */
    public ExpandItem(String name) {
        this(name, List.of());
    }
}
