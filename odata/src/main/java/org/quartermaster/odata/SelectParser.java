package org.quartermaster.odata;

import static org.quartermaster.odata.ODataQueryException.quote;

import java.util.LinkedHashSet;
import java.util.Set;

/** Validates {@code $select} against the model; the result holds canonical names, empty meaning "all". */
final class SelectParser {

    static final String CLAUSE = "$select";

    private SelectParser() {
    }

    static Set<String> parse(String value, QueryModel model) {
        Set<String> selected = new LinkedHashSet<>();
        boolean star = false;
        for (CommaSeparated.Item item : CommaSeparated.split(CLAUSE, value)) {
            if (item.text().equals("*")) {
                star = true;
                continue;
            }
            String name = model.selectableName(item.text()).orElseThrow(() -> new ODataQueryException(CLAUSE,
                    "unknown property " + quote(item.text()) + " on '" + model.entitySetName() + "' (selectable: "
                            + String.join(", ", model.selectableProperties()) + ")", item.text(), item.position()));
            // Repeated names are harmless; Graph ignores them too.
            selected.add(name);
        }
        return star ? Set.of() : selected;
    }
}
