package org.quartermaster.odata;

import static org.quartermaster.odata.FilterLexer.CLAUSE;
import static org.quartermaster.odata.ODataQueryException.quote;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.quartermaster.odata.FilterNode.LiteralKind;

/**
 * Type-checks a {@code $filter} tree against the model and renders it as a PostgreSQL condition. Only trusted
 * model SQL and fixed keywords reach the SQL text; every literal becomes a named parameter.
 */
final class FilterSqlTranslator {

    private static final Pattern GUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** A value-producing SQL expression with its OData type; {@code property} is set when it is a bare property. */
    private record Operand(String sql, PropertyType type, String description, QueryProperty property) { }

    private final ParameterBinder binder = new ParameterBinder();

    private FilterSqlTranslator() {
    }

    static SqlFragment translate(FilterNode root) {
        FilterSqlTranslator translator = new FilterSqlTranslator();
        String sql = translator.condition(root);
        return new SqlFragment(sql, translator.binder.values());
    }

    private String condition(FilterNode node) {
        if (node instanceof FilterNode.Logical logical) {
            List<String> parts = new ArrayList<>();
            for (FilterNode operand : logical.operands()) {
                parts.add(condition(operand));
            }
            // Always parenthesised so the fragment can be AND-ed into a caller's WHERE without surprises.
            return parts.stream().collect(Collectors.joining(logical.conjunction() ? " AND " : " OR ", "(", ")"));
        }
        if (node instanceof FilterNode.Not not) {
            // OData logic is two-valued: 'not (state eq 'x')' must keep rows whose state is NULL, and NOT (NULL) would drop them.
            return "(" + condition(not.operand()) + ") IS NOT TRUE";
        }
        if (node instanceof FilterNode.Comparison comparison) {
            return comparison(comparison);
        }
        if (node instanceof FilterNode.In in) {
            return in(in);
        }
        if (node instanceof FilterNode.FunctionCall call && call.function().isPredicate()) {
            return like(call);
        }
        if (node instanceof FilterNode.Property property && property.property().type() == PropertyType.BOOLEAN) {
            return property.property().sqlExpression() + " = TRUE";
        }
        if (node instanceof FilterNode.Literal literal && literal.kind() == LiteralKind.BOOLEAN) {
            return binder.bind(literal.value());
        }
        String text = FilterParser.textOf(node);
        throw new ODataQueryException(CLAUSE, quote(text) + " is not a condition (expected a comparison or a boolean function)",
                text, node.position());
    }

    private String comparison(FilterNode.Comparison comparison) {
        FilterNode left = comparison.left();
        FilterNode right = comparison.right();
        ComparisonOperator operator = comparison.operator();
        // Keep the property on the left so literal coercion has one code path: '5 lt x' becomes 'x gt 5'.
        if (left instanceof FilterNode.Literal && !(right instanceof FilterNode.Literal)) {
            FilterNode swapped = left;
            left = right;
            right = swapped;
            operator = operator.mirrored();
        }
        if (left instanceof FilterNode.Literal literal) {
            throw new ODataQueryException(CLAUSE, "comparison of two literals; one side must be a property",
                    literal.text(), literal.position());
        }
        Operand operand = value(left);
        if (right instanceof FilterNode.Literal literal) {
            if (literal.kind() == LiteralKind.NULL) {
                return nullComparison(operand, operator, literal);
            }
            checkOperatorApplies(operand, operator, comparison.position());
            return operand.sql() + " " + operator.sql() + " " + binder.bind(coerce(literal, operand));
        }
        Operand other = value(right);
        checkOperatorApplies(operand, operator, comparison.position());
        if (!comparable(operand, other)) {
            throw new ODataQueryException(CLAUSE, "cannot compare " + operand.description() + " (" + operand.type().displayName()
                    + ") with " + other.description() + " (" + other.type().displayName() + ")",
                    operator.odata(), comparison.position());
        }
        return operand.sql() + " " + operator.sql() + " " + other.sql();
    }

    private static String nullComparison(Operand operand, ComparisonOperator operator, FilterNode.Literal literal) {
        return switch (operator) {
            case EQ -> operand.sql() + " IS NULL";
            case NE -> operand.sql() + " IS NOT NULL";
            default -> throw new ODataQueryException(CLAUSE, "null can only be compared with 'eq' or 'ne', not "
                    + quote(operator.odata()), literal.text(), literal.position());
        };
    }

    private String in(FilterNode.In in) {
        Operand operand = value(in.operand());
        List<String> placeholders = new ArrayList<>();
        for (FilterNode.Literal literal : in.values()) {
            if (literal.kind() == LiteralKind.NULL) {
                throw new ODataQueryException(CLAUSE, "null is not allowed in an 'in' list; use 'eq null'",
                        literal.text(), literal.position());
            }
            placeholders.add(binder.bind(coerce(literal, operand)));
        }
        return operand.sql() + " IN (" + String.join(", ", placeholders) + ")";
    }

    private String like(FilterNode.FunctionCall call) {
        String name = call.function().odata();
        Operand subject = value(call.arguments().get(0));
        if (subject.type() != PropertyType.STRING) {
            throw new ODataQueryException(CLAUSE, "function " + quote(name) + " needs a string property as its first argument, but "
                    + subject.description() + " is " + subject.type().displayName(), name, call.position());
        }
        FilterNode argument = call.arguments().get(1);
        if (!(argument instanceof FilterNode.Literal literal) || literal.kind() != LiteralKind.STRING) {
            String text = FilterParser.textOf(argument);
            throw new ODataQueryException(CLAUSE, "function " + quote(name) + " needs a string literal as its second argument, not "
                    + quote(text), text, argument.position());
        }
        String text = (String) literal.value();
        String pattern = switch (call.function()) {
            case STARTSWITH -> LikePatterns.startsWith(text);
            case ENDSWITH -> LikePatterns.endsWith(text);
            default -> LikePatterns.contains(text);
        };
        return subject.sql() + " LIKE " + binder.bind(pattern) + LikePatterns.ESCAPE_CLAUSE;
    }

    private Operand value(FilterNode node) {
        if (node instanceof FilterNode.Property property) {
            QueryProperty declared = property.property();
            return new Operand(declared.sqlExpression(), declared.type(), "property " + quote(declared.path()), declared);
        }
        if (node instanceof FilterNode.FunctionCall call && !call.function().isPredicate()) {
            Operand argument = value(call.arguments().get(0));
            String name = call.function().odata();
            if (argument.type() != PropertyType.STRING) {
                throw new ODataQueryException(CLAUSE, "function " + quote(name) + " needs a string argument, but "
                        + argument.description() + " is " + argument.type().displayName(), name, call.position());
            }
            String sqlFunction = call.function() == FilterFunction.TOLOWER ? "LOWER" : "UPPER";
            return new Operand(sqlFunction + "(" + argument.sql() + ")", PropertyType.STRING,
                    name + "(" + argument.description() + ")", null);
        }
        if (node instanceof FilterNode.Literal literal) {
            throw new ODataQueryException(CLAUSE, "expected a property but found " + literal.kind().displayName()
                    + " literal " + quote(literal.text()), literal.text(), literal.position());
        }
        // Comparisons, 'in', 'not', and/or and contains(...) are conditions; 'contains(x,'a') eq true' compares them as booleans.
        return new Operand("(" + condition(node) + ")", PropertyType.BOOLEAN, "a condition", null);
    }

    private static void checkOperatorApplies(Operand operand, ComparisonOperator operator, int position) {
        if (operator.isOrdering() && (operand.type() == PropertyType.ENUM || operand.type() == PropertyType.BOOLEAN)) {
            throw new ODataQueryException(CLAUSE, "operator " + quote(operator.odata()) + " is not supported for "
                    + operand.type().displayName() + " " + operand.description(), operator.odata(), position);
        }
    }

    private static boolean comparable(Operand left, Operand right) {
        if (left.type() == PropertyType.ENUM && right.type() == PropertyType.ENUM) {
            return left.property().enumValues().equals(right.property().enumValues());
        }
        return left.type() == right.type();
    }

    /** Converts a literal to the Java type bound for the operand's type, or explains why it does not fit. */
    private static Object coerce(FilterNode.Literal literal, Operand operand) {
        LiteralKind kind = literal.kind();
        switch (operand.type()) {
            case STRING -> {
                if (kind == LiteralKind.STRING) {
                    return literal.value();
                }
            }
            case GUID -> {
                if (kind == LiteralKind.GUID) {
                    return literal.value();
                }
                if (kind == LiteralKind.STRING) {
                    // The Graph docs quote GUIDs ("accessPackage/id eq '...'"), so a quoted GUID is accepted too.
                    String text = (String) literal.value();
                    if (!GUID_TEXT.matcher(text).matches()) {
                        throw new ODataQueryException(CLAUSE, operand.description() + " expects a GUID, but got "
                                + quote(text), literal.text(), literal.position());
                    }
                    return UUID.fromString(text);
                }
            }
            case BOOLEAN -> {
                if (kind == LiteralKind.BOOLEAN) {
                    return literal.value();
                }
            }
            case INTEGER -> {
                if (kind == LiteralKind.INTEGER || kind == LiteralKind.DECIMAL) {
                    return literal.value();
                }
            }
            case DATETIME -> {
                if (kind == LiteralKind.DATETIME) {
                    return literal.value();
                }
                if (kind == LiteralKind.STRING) {
                    try {
                        return OffsetDateTime.parse((String) literal.value());
                    } catch (DateTimeParseException e) {
                        throw new ODataQueryException(CLAUSE, operand.description()
                                + " expects a datetime like 2024-01-01T00:00:00Z, but got " + quote((String) literal.value()),
                                literal.text(), literal.position());
                    }
                }
            }
            case ENUM -> {
                if (kind == LiteralKind.STRING) {
                    String text = (String) literal.value();
                    return operand.property().canonicalEnumValue(text).orElseThrow(() -> new ODataQueryException(CLAUSE,
                            quote(text) + " is not a valid value for enum " + operand.description() + " (allowed: "
                                    + String.join(", ", operand.property().enumValues()) + ")",
                            literal.text(), literal.position()));
                }
            }
        }
        throw new ODataQueryException(CLAUSE, operand.description() + " is " + article(operand.type()) + " and cannot be compared with "
                + kind.displayName() + " literal " + literal.text(), literal.text(), literal.position());
    }

    private static String article(PropertyType type) {
        String name = type.displayName();
        return (name.startsWith("e") || name.startsWith("i") ? "an " : "a ") + name;
    }
}
