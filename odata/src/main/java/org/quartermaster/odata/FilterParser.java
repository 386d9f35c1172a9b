package org.quartermaster.odata;

import static org.quartermaster.odata.FilterLexer.CLAUSE;
import static org.quartermaster.odata.ODataQueryException.quote;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.quartermaster.odata.FilterNode.LiteralKind;
import org.quartermaster.odata.FilterToken.Kind;

/**
 * Recursive-descent parser for {@code $filter}. Grammar, loosest binding first:
 *
 * <pre>
 * or         := and ( 'or' and )*
 * and        := not ( 'and' not )*
 * not        := 'not' not | comparison
 * comparison := primary [ ( eq|ne|gt|ge|lt|le ) primary | 'in' '(' literal ( ',' literal )* ')' ]
 * primary    := '(' or ')' | literal | function '(' args ')' | path
 * path       := identifier ( '/' identifier )*
 * </pre>
 *
 * {@code not} applies to the whole comparison that follows ({@code not a eq 1} is {@code not (a eq 1)}), which
 * is what clients mean; the strict OData reading {@code (not a) eq 1} only type-checks for booleans, where both
 * readings select the same rows.
 */
final class FilterParser {

    /** Keeps hostile input like 10,000 '(' from overflowing the (deliberately small) thread stack. */
    static final int MAX_DEPTH = 64;

    private static final Set<String> ARITHMETIC_AND_OTHER_OPERATORS =
            Set.of("add", "sub", "mul", "div", "divby", "mod", "has");
    private static final Set<String> LAMBDA_OPERATORS = Set.of("any", "all");

    private final FilterLexer lexer;
    private final QueryModel model;
    private FilterToken lookahead;
    private int depth;

    private FilterParser(FilterLexer lexer, QueryModel model) {
        this.lexer = lexer;
        this.model = model;
    }

    static FilterNode parse(String filter, QueryModel model) {
        FilterParser parser = new FilterParser(new FilterLexer(filter), model);
        if (parser.peek().is(Kind.END)) {
            throw new ODataQueryException(CLAUSE, "the expression is empty");
        }
        FilterNode root = parser.parseOr();
        FilterToken trailing = parser.peek();
        if (!trailing.is(Kind.END)) {
            throw unexpected(trailing);
        }
        return root;
    }

    private FilterNode parseOr() {
        enter();
        FilterNode first = parseAnd();
        List<FilterNode> operands = new ArrayList<>(List.of(first));
        while (peek().isKeyword("or")) {
            next();
            operands.add(parseAnd());
        }
        depth--;
        return operands.size() == 1 ? first : new FilterNode.Logical(false, operands, first.position());
    }

    private FilterNode parseAnd() {
        FilterNode first = parseNot();
        List<FilterNode> operands = new ArrayList<>(List.of(first));
        while (peek().isKeyword("and")) {
            next();
            operands.add(parseNot());
        }
        return operands.size() == 1 ? first : new FilterNode.Logical(true, operands, first.position());
    }

    private FilterNode parseNot() {
        if (peek().isKeyword("not")) {
            FilterToken not = next();
            enter();
            FilterNode operand = parseNot();
            depth--;
            return new FilterNode.Not(operand, not.position());
        }
        return parseComparison();
    }

    private FilterNode parseComparison() {
        FilterNode left = parsePrimary();
        FilterToken operatorToken = peek();
        if (operatorToken.isKeyword("in")) {
            next();
            return new FilterNode.In(left, parseInList(), operatorToken.position());
        }
        Optional<ComparisonOperator> operator = operatorToken.is(Kind.IDENTIFIER)
                ? ComparisonOperator.fromKeyword(operatorToken.text()) : Optional.empty();
        if (operator.isEmpty()) {
            rejectUnsupportedOperator(operatorToken);
            return left;
        }
        next();
        FilterNode right = parsePrimary();
        // OData has no chained comparisons; 'a eq b eq c' is a client bug, so report the second operator.
        FilterToken after = peek();
        if (after.is(Kind.IDENTIFIER) && ComparisonOperator.fromKeyword(after.text()).isPresent()) {
            throw unexpected(after);
        }
        rejectUnsupportedOperator(after);
        return new FilterNode.Comparison(operator.get(), left, right, operatorToken.position());
    }

    private List<FilterNode.Literal> parseInList() {
        FilterToken open = expect(Kind.OPEN, "'('");
        List<FilterNode.Literal> values = new ArrayList<>();
        do {
            FilterNode value = parsePrimary();
            if (!(value instanceof FilterNode.Literal literal)) {
                throw new ODataQueryException(CLAUSE, "'in' accepts only literals, not " + quote(textOf(value)),
                        textOf(value), value.position());
            }
            values.add(literal);
        } while (accept(Kind.COMMA));
        expectClose(open);
        return values;
    }

    private FilterNode parsePrimary() {
        FilterToken token = next();
        switch (token.kind()) {
            case OPEN -> {
                FilterNode inner = parseOr();
                expectClose(token);
                return inner;
            }
            case STRING -> {
                return literal(LiteralKind.STRING, token);
            }
            case INTEGER -> {
                return literal(LiteralKind.INTEGER, token);
            }
            case DECIMAL -> {
                return literal(LiteralKind.DECIMAL, token);
            }
            case GUID -> {
                return literal(LiteralKind.GUID, token);
            }
            case DATETIME -> {
                return literal(LiteralKind.DATETIME, token);
            }
            case IDENTIFIER -> {
                return identifier(token);
            }
            default -> throw unexpected(token);
        }
    }

    private FilterNode identifier(FilterToken token) {
        if (token.isKeyword("true") || token.isKeyword("false")) {
            return new FilterNode.Literal(LiteralKind.BOOLEAN, token.isKeyword("true"), token.text(), token.position());
        }
        if (token.isKeyword("null")) {
            return new FilterNode.Literal(LiteralKind.NULL, null, token.text(), token.position());
        }
        if (isReserved(token)) {
            throw unexpected(token);
        }
        if (peek().is(Kind.OPEN)) {
            return functionCall(token);
        }
        return propertyPath(token);
    }

    private FilterNode functionCall(FilterToken name) {
        rejectLambda(name);
        FilterFunction function = FilterFunction.fromName(name.text()).orElseThrow(() -> new ODataQueryException(CLAUSE,
                "function " + quote(name.text()) + " is not supported (supported: " + FilterFunction.SUPPORTED + ")",
                name.text(), name.position()));
        FilterToken open = next();
        List<FilterNode> arguments = new ArrayList<>();
        if (!peek().is(Kind.CLOSE)) {
            do {
                arguments.add(parseOr());
            } while (accept(Kind.COMMA));
        }
        expectClose(open);
        if (arguments.size() != function.arity()) {
            throw new ODataQueryException(CLAUSE, "function " + quote(function.odata()) + " takes " + function.arity()
                    + " argument" + (function.arity() == 1 ? "" : "s") + " but got " + arguments.size(),
                    name.text(), name.position());
        }
        return new FilterNode.FunctionCall(function, arguments, name.position());
    }

    private FilterNode propertyPath(FilterToken first) {
        StringBuilder path = new StringBuilder(first.text());
        while (peek().is(Kind.SLASH)) {
            next();
            FilterToken segment = next();
            if (!segment.is(Kind.IDENTIFIER) || isReserved(segment)) {
                throw unexpected(segment);
            }
            if (peek().is(Kind.OPEN)) {
                rejectLambda(segment);
            }
            path.append('/').append(segment.text());
        }
        String text = path.toString();
        QueryProperty property = model.property(text).orElseThrow(() -> unknownProperty(text, first.position()));
        return new FilterNode.Property(property, text, first.position());
    }

    private ODataQueryException unknownProperty(String text, int position) {
        if (model.selectableName(text).isPresent()) {
            return new ODataQueryException(CLAUSE, "property " + quote(text) + " of '" + model.entitySetName()
                    + "' cannot be used in $filter", text, position);
        }
        return new ODataQueryException(CLAUSE, "unknown property " + quote(text) + " on '" + model.entitySetName()
                + "' (filterable: " + String.join(", ", model.filterablePaths()) + ")", text, position);
    }

    private static void rejectLambda(FilterToken name) {
        if (LAMBDA_OPERATORS.contains(name.text().toLowerCase(Locale.ROOT))) {
            throw new ODataQueryException(CLAUSE, "lambda operator " + quote(name.text()) + " is not supported",
                    name.text(), name.position());
        }
    }

    private static void rejectUnsupportedOperator(FilterToken token) {
        if (token.is(Kind.IDENTIFIER)
                && ARITHMETIC_AND_OTHER_OPERATORS.contains(token.text().toLowerCase(Locale.ROOT))) {
            throw new ODataQueryException(CLAUSE, "operator " + quote(token.text()) + " is not supported",
                    token.text(), token.position());
        }
    }

    /** Operators and connectives cannot start an operand; catching them here gives 'unexpected token' errors. */
    private static boolean isReserved(FilterToken token) {
        return token.isKeyword("and") || token.isKeyword("or") || token.isKeyword("not") || token.isKeyword("in")
                || ComparisonOperator.fromKeyword(token.text()).isPresent();
    }

    private static FilterNode.Literal literal(LiteralKind kind, FilterToken token) {
        return new FilterNode.Literal(kind, token.value(), token.text(), token.position());
    }

    private void expectClose(FilterToken open) {
        FilterToken token = peek();
        if (token.is(Kind.CLOSE)) {
            next();
            return;
        }
        if (token.is(Kind.END)) {
            throw new ODataQueryException(CLAUSE, "missing ')' for the '(' at position " + open.position()
                    + "; reached end of expression", ")", token.position());
        }
        throw new ODataQueryException(CLAUSE, "expected ')' for the '(' at position " + open.position() + " but found "
                + token.describe(), token.text(), token.position());
    }

    private FilterToken expect(Kind kind, String what) {
        FilterToken token = next();
        if (!token.is(kind)) {
            throw new ODataQueryException(CLAUSE, "expected " + what + " but found " + token.describe(),
                    token.text(), token.position());
        }
        return token;
    }

    private boolean accept(Kind kind) {
        if (peek().is(kind)) {
            next();
            return true;
        }
        return false;
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw new ODataQueryException(CLAUSE, "the expression nests deeper than " + MAX_DEPTH + " levels",
                    peek().text(), peek().position());
        }
    }

    private FilterToken peek() {
        if (lookahead == null) {
            lookahead = lexer.next();
        }
        return lookahead;
    }

    private FilterToken next() {
        FilterToken token = peek();
        lookahead = null;
        return token;
    }

    private static ODataQueryException unexpected(FilterToken token) {
        return new ODataQueryException(CLAUSE, "unexpected " + token.describe(), token.text(), token.position());
    }

    static String textOf(FilterNode node) {
        if (node instanceof FilterNode.Property property) {
            return property.text();
        }
        if (node instanceof FilterNode.Literal literal) {
            return literal.text();
        }
        if (node instanceof FilterNode.FunctionCall call) {
            return call.function().odata() + "(...)";
        }
        return "expression";
    }
}
