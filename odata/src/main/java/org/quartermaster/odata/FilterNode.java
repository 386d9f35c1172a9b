package org.quartermaster.odata;

import java.util.List;

/** The syntax tree of a {@code $filter} expression; properties are already resolved against the model. */
sealed interface FilterNode {

    /** Offset of the node's first token, for error messages. */
    int position();

    record Property(QueryProperty property, String text, int position) implements FilterNode { }

    record Literal(LiteralKind kind, Object value, String text, int position) implements FilterNode { }

    record Comparison(ComparisonOperator operator, FilterNode left, FilterNode right, int position) implements FilterNode { }

    record In(FilterNode operand, List<Literal> values, int position) implements FilterNode {
        public In {
            values = List.copyOf(values);
        }
    }

    record Logical(boolean conjunction, List<FilterNode> operands, int position) implements FilterNode {
        public Logical {
            operands = List.copyOf(operands);
        }
    }

    record Not(FilterNode operand, int position) implements FilterNode { }

    record FunctionCall(FilterFunction function, List<FilterNode> arguments, int position) implements FilterNode {
        public FunctionCall {
            arguments = List.copyOf(arguments);
        }
    }

    /** The literal forms OData allows; numbers without a fraction are INTEGER. */
    enum LiteralKind {
        STRING("string"), INTEGER("integer"), DECIMAL("decimal"), GUID("GUID"), DATETIME("datetime"),
        BOOLEAN("boolean"), NULL("null");

        private final String displayName;

        LiteralKind(String displayName) {
            this.displayName = displayName;
        }

        String displayName() {
            return displayName;
        }
    }
}
