package org.quartermaster.odata;

import static org.quartermaster.odata.ODataQueryException.quote;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Parses {@code $orderby} ({@code prop [asc|desc], ...}) and appends the model's tie-breaker so offset paging
 * never shows a row twice or skips one.
 */
final class OrderByParser {

    static final String CLAUSE = "$orderby";

    private OrderByParser() {
    }

    static List<OrderBy> parse(String value, QueryModel model) {
        List<OrderBy> orderBy = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        if (value != null) {
            for (CommaSeparated.Item item : CommaSeparated.split(CLAUSE, value)) {
                OrderBy key = parseItem(item, model);
                if (!seen.add(key.property())) {
                    throw new ODataQueryException(CLAUSE, "property " + quote(key.property()) + " is listed more than once",
                            item.text(), item.position());
                }
                orderBy.add(key);
            }
        }
        return withTieBreaker(orderBy, model);
    }

    private static OrderBy parseItem(CommaSeparated.Item item, QueryModel model) {
        String[] words = item.text().split("\\s+");
        if (words.length > 2) {
            throw new ODataQueryException(CLAUSE, "unexpected token " + quote(words[2]) + " after " + quote(words[0] + " " + words[1]),
                    words[2], item.position() + item.text().indexOf(words[2], words[0].length() + words[1].length()));
        }
        String path = words[0];
        QueryProperty property = model.property(path).orElseThrow(() -> new ODataQueryException(CLAUSE,
                "unknown property " + quote(path) + " on '" + model.entitySetName() + "' (sortable: "
                        + String.join(", ", model.sortablePaths()) + ")", path, item.position()));
        if (!property.sortable()) {
            throw new ODataQueryException(CLAUSE, "property " + quote(property.path()) + " is not sortable (sortable: "
                    + String.join(", ", model.sortablePaths()) + ")", path, item.position());
        }
        boolean descending = false;
        if (words.length == 2) {
            String direction = words[1].toLowerCase(Locale.ROOT);
            if (!direction.equals("asc") && !direction.equals("desc")) {
                throw new ODataQueryException(CLAUSE, "sort direction must be 'asc' or 'desc', not " + quote(words[1]),
                        words[1], item.position() + item.text().indexOf(words[1], path.length()));
            }
            descending = direction.equals("desc");
        }
        return new OrderBy(property.path(), property.sqlExpression(), descending);
    }

    private static List<OrderBy> withTieBreaker(List<OrderBy> orderBy, QueryModel model) {
        String tieBreaker = model.defaultOrderBy();
        boolean present = orderBy.stream().anyMatch(key -> key.sqlExpression().equals(tieBreaker));
        if (!present) {
            orderBy.add(new OrderBy(model.defaultOrderByProperty(), tieBreaker, false));
        }
        return orderBy;
    }
}
