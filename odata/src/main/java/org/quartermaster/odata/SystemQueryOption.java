package org.quartermaster.odata;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code $}-prefixed options Quartermaster understands. Names are matched case-insensitively
 * ({@code $Filter} works, as it does on Graph); parameters without {@code $} belong to the caller.
 */
enum SystemQueryOption {
    FILTER("$filter"), SELECT("$select"), EXPAND("$expand"), ORDERBY("$orderby"), TOP("$top"),
    SKIPTOKEN("$skiptoken"), COUNT("$count");

    /** Real OData options we deliberately reject, with the reason a client needs to hear. */
    private static final Map<String, String> UNSUPPORTED = Map.of(
            "$search", "is not supported; use $filter with contains(...)",
            "$skip", "is not supported; follow @odata.nextLink, which carries $skiptoken",
            "$apply", "is not supported",
            "$compute", "is not supported",
            "$levels", "is not supported",
            "$format", "is not supported; responses are always JSON",
            "$deltatoken", "is not supported",
            "$index", "is not supported");

    private final String wireName;

    SystemQueryOption(String wireName) {
        this.wireName = wireName;
    }

    String wireName() {
        return wireName;
    }

    /** Picks out the system query options; anything else starting with '$' is an error naming it. */
    static Map<SystemQueryOption, String> collect(Map<String, String> parameters) {
        Map<SystemQueryOption, String> options = new EnumMap<>(SystemQueryOption.class);
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            if (name == null || !name.startsWith("$")) {
                continue;
            }
            String lower = name.toLowerCase(Locale.ROOT);
            SystemQueryOption option = fromWireName(lower).orElseThrow(() -> rejected(name, lower));
            String value = parameter.getValue() == null ? "" : parameter.getValue();
            if (options.putIfAbsent(option, value) != null) {
                throw new ODataQueryException(option.wireName, "the option is given more than once");
            }
        }
        return options;
    }

    private static Optional<SystemQueryOption> fromWireName(String lower) {
        return Arrays.stream(values()).filter(option -> option.wireName.equals(lower)).findFirst();
    }

    private static ODataQueryException rejected(String name, String lower) {
        String reason = UNSUPPORTED.get(lower);
        if (reason != null) {
            return new ODataQueryException(lower, "the query option " + ODataQueryException.quote(name) + " " + reason);
        }
        return new ODataQueryException(name, "unknown query option " + ODataQueryException.quote(name)
                + " (supported: $filter, $select, $expand, $orderby, $top, $skiptoken, $count)");
    }
}
