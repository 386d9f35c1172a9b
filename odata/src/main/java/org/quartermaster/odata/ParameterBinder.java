package org.quartermaster.odata;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Hands out the parameter names {@code f0, f1, ...} for one parse. The fixed prefix is part of the contract:
 * callers combining a fragment with their own SQL must not name their parameters {@code f<digits>}.
 */
final class ParameterBinder {

    static final String PREFIX = "f";

    private final Map<String, Object> values = new LinkedHashMap<>();

    /** Registers a value and returns the placeholder to put in the SQL, for example {@code ":f0"}. */
    String bind(Object value) {
        String name = PREFIX + values.size();
        values.put(name, value);
        return ":" + name;
    }

    Map<String, Object> values() {
        return values;
    }
}
