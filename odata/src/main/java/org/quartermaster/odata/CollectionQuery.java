package org.quartermaster.odata;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The validated query options of one collection request.
 *
 * @param where   the {@code $filter} condition, if any
 * @param orderBy the {@code $orderby} keys followed by the model's tie-breaker (omitted only when the client
 *                already sorts by it)
 * @param top     page size: {@code $top}, or the caller's default
 * @param skip    rows to skip, decoded from {@code $skiptoken} (0 on the first page)
 * @param select  canonical {@code $select} names; empty means all properties
 * @param expand  the {@code $expand} tree
 * @param count   whether {@code $count=true} asked for {@code @odata.count}
 */
public record CollectionQuery(Optional<SqlFragment> where, List<OrderBy> orderBy, int top, long skip,
                              Set<String> select, List<ExpandItem> expand, boolean count) {

    public CollectionQuery {
        Objects.requireNonNull(where, "where");
        if (orderBy.isEmpty()) {
            throw new IllegalArgumentException("orderBy needs at least the tie-breaker, or paging is unstable");
        }
        if (top < 1) {
            throw new IllegalArgumentException("top must be positive: " + top);
        }
        if (skip < 0) {
            throw new IllegalArgumentException("skip must not be negative: " + skip);
        }
        orderBy = List.copyOf(orderBy);
        select = Collections.unmodifiableSet(new LinkedHashSet<>(select));
        expand = List.copyOf(expand);
    }

    /** The ORDER BY list without the keyword, for example {@code "display_name ASC, id ASC"}. */
    public String orderByClause() {
        return orderBy.stream().map(OrderBy::toSql).collect(Collectors.joining(", "));
    }

    /**
     * The {@code $skiptoken} of the page after this one. Emit it in {@code @odata.nextLink} only when more rows
     * exist, which {@link #fetchLimit()} lets you detect.
     */
    public String nextSkipToken() {
        return SkipTokens.encode(skip + top, pagingFingerprint());
    }

    /** Rows to fetch: one more than {@link #top()}, so the extra row tells whether a next page exists. */
    public int fetchLimit() {
        return top + 1;
    }

    /** What a skip token is bound to: the rows selected and their order, but not the page size. */
    String pagingFingerprint() {
        StringBuilder material = new StringBuilder();
        where.ifPresent(fragment -> {
            material.append(fragment.sql());
            for (Map.Entry<String, Object> parameter : fragment.parameters().entrySet()) {
                material.append('\u0000').append(parameter.getKey()).append('=').append(parameter.getValue());
            }
        });
        material.append('\u0001').append(orderByClause());
        return SkipTokens.fingerprint(material.toString());
    }
}
