package org.quartermaster.odata;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What one entity set exposes to OData queries: filterable properties and the SQL they map to, which of them
 * are sortable, the names {@code $select} and {@code $expand} accept, and the unique tie-breaker that makes
 * paging deterministic.
 *
 * <pre>{@code
 * QueryModel assignments = QueryModel.builder("assignments")
 *     .property("id", "id", PropertyType.GUID)
 *     .property("accessPackage/id", "access_package_id", PropertyType.GUID)
 *     .property("target/objectId", "target_object_id", PropertyType.STRING)
 *     .enumProperty("state", "state", List.of("delivering", "delivered", "expired"))
 *     .sortable("id")
 *     .selectable("schedule")
 *     .expandable("target", "accessPackage", "assignmentPolicy")
 *     .defaultOrderBy("id")
 *     .build();
 * }</pre>
 *
 * <p>All names are matched case-insensitively (Graph docs write {@code target/objectid}) and reported back in
 * the spelling declared here.
 */
public final class QueryModel {

    private static final Pattern PATH = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(/[A-Za-z_][A-Za-z0-9_]*)*");

    private final String entitySetName;
    private final Map<String, QueryProperty> properties;
    private final Map<String, String> selectable;
    private final Map<String, String> expandable;
    private final String defaultOrderBy;

    private QueryModel(Builder builder, Map<String, QueryProperty> properties) {
        this.entitySetName = builder.entitySetName;
        this.properties = Collections.unmodifiableMap(properties);
        this.selectable = Collections.unmodifiableMap(new LinkedHashMap<>(builder.selectable));
        this.expandable = Collections.unmodifiableMap(new LinkedHashMap<>(builder.expandable));
        this.defaultOrderBy = builder.defaultOrderBy;
    }

    public static Builder builder(String entitySetName) {
        return new Builder(entitySetName);
    }

    public String entitySetName() {
        return entitySetName;
    }

    /** The SQL expression appended to every ORDER BY so that offset paging is stable. */
    public String defaultOrderBy() {
        return defaultOrderBy;
    }

    /** The canonical names {@code $select} accepts, in declaration order. */
    public Set<String> selectableProperties() {
        return new LinkedHashSet<>(selectable.values());
    }

    /** The canonical navigation paths {@code $expand} accepts, nested ones written {@code parent/child}. */
    public Set<String> expandablePaths() {
        return new LinkedHashSet<>(expandable.values());
    }

    Optional<QueryProperty> property(String path) {
        return Optional.ofNullable(properties.get(key(path)));
    }

    Optional<String> selectableName(String name) {
        return Optional.ofNullable(selectable.get(key(name)));
    }

    Optional<String> expandablePath(String path) {
        return Optional.ofNullable(expandable.get(key(path)));
    }

    List<String> filterablePaths() {
        return properties.values().stream().map(QueryProperty::path).toList();
    }

    List<String> sortablePaths() {
        return properties.values().stream().filter(QueryProperty::sortable).map(QueryProperty::path).toList();
    }

    /** The OData name for the tie-breaker if a property maps to it, otherwise the SQL expression itself. */
    String defaultOrderByProperty() {
        return properties.values().stream()
                .filter(property -> property.sqlExpression().equals(defaultOrderBy))
                .map(QueryProperty::path)
                .findFirst()
                .orElse(defaultOrderBy);
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** Collects the declarations; {@link #build()} checks they are consistent. */
    public static final class Builder {

        private final String entitySetName;
        private final Map<String, QueryProperty> properties = new LinkedHashMap<>();
        private final Map<String, String> selectable = new LinkedHashMap<>();
        private final Map<String, String> expandable = new LinkedHashMap<>();
        private final List<String> sortable = new ArrayList<>();
        private String defaultOrderBy;

        private Builder(String entitySetName) {
            this.entitySetName = requireText(entitySetName, "entitySetName");
        }

        /**
         * Declares a filterable property. Top-level paths also become selectable. {@code sqlExpression} is
         * inserted into SQL verbatim, so it must come from code, never from a request.
         */
        public Builder property(String path, String sqlExpression, PropertyType type) {
            Objects.requireNonNull(type, "type");
            if (type == PropertyType.ENUM) {
                throw new IllegalArgumentException("use enumProperty(...) to declare enum property '" + path + "'");
            }
            return add(new QueryProperty(checkPath(path), requireText(sqlExpression, "sqlExpression"), type, List.of(), false));
        }

        /**
         * Declares a filterable enum property whose column stores the canonical camelCase values given here;
         * literals are matched case-insensitively and bound as the canonical value.
         */
        public Builder enumProperty(String path, String sqlExpression, List<String> canonicalValues) {
            if (canonicalValues == null || canonicalValues.isEmpty()) {
                throw new IllegalArgumentException("enum property '" + path + "' needs at least one value");
            }
            Set<String> seen = new LinkedHashSet<>();
            for (String value : canonicalValues) {
                if (!seen.add(key(requireText(value, "enum value")))) {
                    throw new IllegalArgumentException("enum property '" + path + "' repeats value '" + value + "'");
                }
            }
            return add(new QueryProperty(checkPath(path), requireText(sqlExpression, "sqlExpression"), PropertyType.ENUM,
                    canonicalValues, false));
        }

        /** Marks declared properties as usable in {@code $orderby}; checked in {@link #build()}. */
        public Builder sortable(String... paths) {
            sortable.addAll(List.of(paths));
            return this;
        }

        /**
         * Adds names {@code $select} accepts that are not filterable (complex or computed properties);
         * repeating a name that is already selectable is harmless.
         */
        public Builder selectable(String... names) {
            for (String name : names) {
                if (checkPath(name).indexOf('/') >= 0) {
                    throw new IllegalArgumentException("selectable name '" + name + "' must be a top-level property");
                }
                selectable.putIfAbsent(key(name), name);
            }
            return this;
        }

        /**
         * Declares the navigation properties {@code $expand} accepts; nested ones are written
         * {@code parent/child} and need their parent declared too.
         */
        public Builder expandable(String... paths) {
            for (String path : paths) {
                putUnique(expandable, checkPath(path), "expandable path");
            }
            return this;
        }

        /** The unique SQL expression (usually {@code "id"}) that ends every ORDER BY. Required. */
        public Builder defaultOrderBy(String sqlExpression) {
            this.defaultOrderBy = requireText(sqlExpression, "defaultOrderBy");
            return this;
        }

        public QueryModel build() {
            if (defaultOrderBy == null) {
                throw new IllegalStateException("model '" + entitySetName + "' needs defaultOrderBy(...): paging is unstable without a unique tie-breaker");
            }
            Map<String, QueryProperty> built = new LinkedHashMap<>(properties);
            for (String path : sortable) {
                QueryProperty property = built.get(key(path));
                if (property == null) {
                    throw new IllegalStateException("sortable property '" + path + "' is not declared on '" + entitySetName + "'");
                }
                built.put(key(path), property.asSortable());
            }
            for (String path : expandable.values()) {
                int slash = path.lastIndexOf('/');
                if (slash > 0 && !expandable.containsKey(key(path.substring(0, slash)))) {
                    throw new IllegalStateException("expandable path '" + path + "' needs its parent '" + path.substring(0, slash) + "' declared");
                }
            }
            return new QueryModel(this, built);
        }

        private Builder add(QueryProperty property) {
            if (properties.putIfAbsent(key(property.path()), property) != null) {
                throw new IllegalArgumentException("property '" + property.path() + "' is declared twice");
            }
            if (property.isTopLevel()) {
                selectable.putIfAbsent(key(property.path()), property.path());
            }
            return this;
        }

        private static void putUnique(Map<String, String> names, String name, String what) {
            if (names.putIfAbsent(key(name), name) != null) {
                throw new IllegalArgumentException(what + " '" + name + "' is declared twice");
            }
        }

        private static String checkPath(String path) {
            if (path == null || !PATH.matcher(path).matches()) {
                throw new IllegalArgumentException("'" + path + "' is not a property path like 'displayName' or 'accessPackage/id'");
            }
            return path;
        }

        private static String requireText(String value, String what) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(what + " must not be blank");
            }
            return value;
        }
    }
}
