package org.quartermaster.odata;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Entry point: turns the query parameters of a collection request into a {@link CollectionQuery} for one
 * entity set, or throws {@link ODataQueryException} naming the clause and token at fault.
 *
 * <p>Values must already be URL-decoded (as Spring's request parameters are). Parameters whose names do not
 * start with {@code $} are ignored; the caller owns them.
 */
public final class ODataQueryParser {

    /** Graph's largest page; also the upper bound for {@code $top}. */
    public static final int MAX_PAGE_SIZE = 999;

    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,9}");

    private ODataQueryParser() {
    }

    /**
     * @param queryParameters the request's query parameters, one value per name
     * @param model           what the entity set exposes
     * @param defaultPageSize page size when {@code $top} is absent, 1..{@value #MAX_PAGE_SIZE}
     */
    public static CollectionQuery parse(Map<String, String> queryParameters, QueryModel model, int defaultPageSize) {
        Objects.requireNonNull(queryParameters, "queryParameters");
        Objects.requireNonNull(model, "model");
        if (defaultPageSize < 1 || defaultPageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("defaultPageSize must be 1.." + MAX_PAGE_SIZE + ": " + defaultPageSize);
        }
        Map<SystemQueryOption, String> options = SystemQueryOption.collect(queryParameters);

        Optional<SqlFragment> where = Optional.ofNullable(options.get(SystemQueryOption.FILTER))
                .map(filter -> FilterSqlTranslator.translate(FilterParser.parse(filter, model)));
        Set<String> select = Optional.ofNullable(options.get(SystemQueryOption.SELECT))
                .map(value -> SelectParser.parse(value, model)).orElse(Set.of());
        List<ExpandItem> expand = Optional.ofNullable(options.get(SystemQueryOption.EXPAND))
                .map(value -> ExpandParser.parse(value, model)).orElse(List.of());
        List<OrderBy> orderBy = OrderByParser.parse(options.get(SystemQueryOption.ORDERBY), model);
        int top = Optional.ofNullable(options.get(SystemQueryOption.TOP)).map(ODataQueryParser::top).orElse(defaultPageSize);
        boolean count = Optional.ofNullable(options.get(SystemQueryOption.COUNT)).map(ODataQueryParser::count).orElse(false);

        CollectionQuery firstPage = new CollectionQuery(where, orderBy, top, 0, select, expand, count);
        String skipToken = options.get(SystemQueryOption.SKIPTOKEN);
        if (skipToken == null) {
            return firstPage;
        }
        long skip = SkipTokens.decode(skipToken.trim(), firstPage.pagingFingerprint());
        return new CollectionQuery(where, orderBy, top, skip, select, expand, count);
    }

    private static int top(String value) {
        String trimmed = value.trim();
        if (!DIGITS.matcher(trimmed).matches()) {
            throw new ODataQueryException("$top", ODataQueryException.quote(value) + " is not a whole number between 1 and "
                    + MAX_PAGE_SIZE, value, -1);
        }
        int top = Integer.parseInt(trimmed);
        if (top < 1 || top > MAX_PAGE_SIZE) {
            throw new ODataQueryException("$top", top + " is out of range; it must be between 1 and " + MAX_PAGE_SIZE,
                    value, -1);
        }
        return top;
    }

    private static boolean count(String value) {
        String trimmed = value.trim();
        if (trimmed.equalsIgnoreCase("true")) {
            return true;
        }
        if (trimmed.equalsIgnoreCase("false")) {
            return false;
        }
        throw new ODataQueryException("$count", "must be 'true' or 'false', not " + ODataQueryException.quote(value), value, -1);
    }
}
