package org.quartermaster.odata;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The {@code $filter} functions Quartermaster supports; anything else is rejected by name. */
enum FilterFunction {
    STARTSWITH("startswith", 2, true),
    ENDSWITH("endswith", 2, true),
    CONTAINS("contains", 2, true),
    TOLOWER("tolower", 1, false),
    TOUPPER("toupper", 1, false);

    static final String SUPPORTED = Arrays.stream(values()).map(FilterFunction::odata).sorted()
            .collect(Collectors.joining(", "));

    private final String odata;
    private final int arity;
    private final boolean predicate;

    FilterFunction(String odata, int arity, boolean predicate) {
        this.odata = odata;
        this.arity = arity;
        this.predicate = predicate;
    }

    /** OData function names are lower case, but Graph tolerates other casings, so match case-insensitively. */
    static Optional<FilterFunction> fromName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(function -> function.odata.equals(lower)).findFirst();
    }

    String odata() {
        return odata;
    }

    int arity() {
        return arity;
    }

    /** True for the LIKE-based functions, which yield a condition rather than a string. */
    boolean isPredicate() {
        return predicate;
    }
}
