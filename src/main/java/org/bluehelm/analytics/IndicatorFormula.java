package org.bluehelm.analytics;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.bluehelm.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * An arithmetic formula over indicators, such as {@code #{trained_female} / #{trained_total} * 100}:
 * numbers, {@code + - * /}, parentheses, unary minus and {@code #{code}} references to indicators
 * by code. Parsed by a small recursive-descent parser into a tree that is evaluated in Java over
 * values already aggregated per cell; the text never reaches SQL.
 *
 * <pre>
 * formula := sum
 * sum     := product (('+' | '-') product)*
 * product := unary (('*' | '/') unary)*
 * unary   := ('-' | '+') unary | primary
 * primary := number | '#{' code '}' | '(' sum ')'
 * </pre>
 *
 * Evaluation gives no value (null) when a referenced indicator has no value in the cell or when
 * it divides by zero.
 */
public final class IndicatorFormula {

    /** The longest formula accepted, so that a request cannot make the parser work without bound. */
    public static final int MAX_LENGTH = 1000;

    private static final int MAX_DEPTH = 50;
    private static final MathContext MATH = MathContext.DECIMAL64;

    private final String text;
    private final Node root;
    private final Set<String> references;

    private IndicatorFormula(String text, Node root, Set<String> references) {
        this.text = text;
        this.root = root;
        this.references = Collections.unmodifiableSet(references);
    }

    /**
     * Parses a formula.
     *
     * @param field the request field that carried it, named in the errors
     * @throws InvalidInputException naming {@code field}, with the 1-based position of the problem
     */
    public static IndicatorFormula parse(String field, String text) {
        if (text == null || text.isBlank()) {
            throw InvalidInputException.coded(
                    field,
                    "is empty: write a formula such as #{trained_female} * 100",
                    "analytics.validation.formula.empty");
        }
        if (text.length() > MAX_LENGTH) {
            throw InvalidInputException.coded(
                    field, "must be at most " + MAX_LENGTH + " characters", "validation.maxLength", MAX_LENGTH);
        }
        Parser parser = new Parser(field, text);
        Node root = parser.parse();
        return new IndicatorFormula(text.strip(), root, parser.references);
    }

    public static IndicatorFormula parse(String text) {
        return parse("formula", text);
    }

    /** The formula as written (without surrounding spaces). */
    public String text() {
        return text;
    }

    /** The codes of the indicators it refers to, in order of first appearance. */
    public Set<String> references() {
        return references;
    }

    /**
     * The value of the formula given each referenced indicator's value, or null when one of them
     * has none or when a division by zero occurs.
     */
    public @Nullable BigDecimal evaluate(Function<String, @Nullable BigDecimal> values) {
        return root.eval(values);
    }

    @Override
    public String toString() {
        return text;
    }

    private sealed interface Node permits Num, Ref, Neg, Bin {
        @Nullable
        BigDecimal eval(Function<String, @Nullable BigDecimal> values);
    }

    private record Num(BigDecimal value) implements Node {
        @Override
        public BigDecimal eval(Function<String, @Nullable BigDecimal> values) {
            return value;
        }
    }

    private record Ref(String code) implements Node {
        @Override
        public @Nullable BigDecimal eval(Function<String, @Nullable BigDecimal> values) {
            return values.apply(code);
        }
    }

    private record Neg(Node operand) implements Node {
        @Override
        public @Nullable BigDecimal eval(Function<String, @Nullable BigDecimal> values) {
            BigDecimal v = operand.eval(values);
            return v == null ? null : v.negate();
        }
    }

    private record Bin(char op, Node left, Node right) implements Node {
        @Override
        public @Nullable BigDecimal eval(Function<String, @Nullable BigDecimal> values) {
            BigDecimal l = left.eval(values);
            BigDecimal r = right.eval(values);
            if (l == null || r == null) {
                return null;
            }
            return switch (op) {
                case '+' -> l.add(r, MATH);
                case '-' -> l.subtract(r, MATH);
                case '*' -> l.multiply(r, MATH);
                case '/' -> r.signum() == 0 ? null : l.divide(r, MATH);
                default -> throw new IllegalStateException("operator " + op);
            };
        }
    }

    /** Recursive descent over the characters of the text; {@code pos} is the next one to read. */
    private static final class Parser {
        private final String field;
        private final String text;
        private final Set<String> references = new LinkedHashSet<>();
        private int pos;
        private int depth;

        Parser(String field, String text) {
            this.field = field;
            this.text = text;
        }

        Node parse() {
            Node node = sum();
            skipSpaces();
            if (pos < text.length()) {
                char c = text.charAt(pos);
                throw c == ')'
                        ? error("')' without a matching '('", "analytics.validation.formula.unmatchedClose")
                        : error("unexpected '" + c + "'", "analytics.validation.formula.unexpected", String.valueOf(c));
            }
            return node;
        }

        private Node sum() {
            Node node = product();
            while (true) {
                skipSpaces();
                if (accept('+')) {
                    node = new Bin('+', node, product());
                } else if (accept('-')) {
                    node = new Bin('-', node, product());
                } else {
                    return node;
                }
            }
        }

        private Node product() {
            Node node = unary();
            while (true) {
                skipSpaces();
                if (accept('*')) {
                    node = new Bin('*', node, unary());
                } else if (accept('/')) {
                    node = new Bin('/', node, unary());
                } else {
                    return node;
                }
            }
        }

        private Node unary() {
            skipSpaces();
            if (++depth > MAX_DEPTH) {
                throw error(
                        "is nested too deeply (at most " + MAX_DEPTH + " levels)",
                        "analytics.validation.formula.tooDeep",
                        MAX_DEPTH);
            }
            try {
                if (accept('-')) {
                    return new Neg(unary());
                }
                if (accept('+')) {
                    return unary();
                }
                return primary();
            } finally {
                depth--;
            }
        }

        private Node primary() {
            skipSpaces();
            if (pos >= text.length()) {
                throw error(
                        "ends where a number, #{indicator_code} or '(' was expected",
                        "analytics.validation.formula.endsEarly");
            }
            char c = text.charAt(pos);
            if (c == '(') {
                int open = pos;
                pos++;
                Node inner = sum();
                skipSpaces();
                if (!accept(')')) {
                    throw pos >= text.length()
                            ? error(
                                    "'(' at position " + (open + 1) + " is never closed",
                                    "analytics.validation.formula.unclosed",
                                    open + 1)
                            : error(
                                    "expected ')' but found '" + text.charAt(pos) + "'",
                                    "analytics.validation.formula.expectedClose",
                                    String.valueOf(text.charAt(pos)));
                }
                return inner;
            }
            if (c == '#') {
                return reference();
            }
            if (Character.isDigit(c) || c == '.') {
                return number();
            }
            throw error(
                    "expected a number, #{indicator_code} or '(' but found '" + c + "'",
                    "analytics.validation.formula.expectedOperand",
                    String.valueOf(c));
        }

        private Node reference() {
            int start = pos;
            pos++;
            if (!accept('{')) {
                throw error("'#' must be followed by {indicator_code}", "analytics.validation.formula.hash");
            }
            int codeStart = pos;
            while (pos < text.length() && text.charAt(pos) != '}') {
                char c = text.charAt(pos);
                if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_')) {
                    throw error(
                            "an indicator code has only letters, digits and underscores; found '" + c + "'",
                            "analytics.validation.formula.codeCharacter",
                            String.valueOf(c));
                }
                pos++;
            }
            if (pos >= text.length()) {
                throw errorAt(start, "'#{' is never closed with '}'", "analytics.validation.formula.referenceUnclosed");
            }
            String code = text.substring(codeStart, pos).toLowerCase(java.util.Locale.ROOT);
            if (code.isEmpty()) {
                throw errorAt(start, "'#{}' names no indicator", "analytics.validation.formula.referenceEmpty");
            }
            pos++;
            references.add(code);
            return new Ref(code);
        }

        private Node number() {
            int start = pos;
            while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                pos++;
            }
            if (pos < text.length() && text.charAt(pos) == '.') {
                pos++;
                while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                    pos++;
                }
            }
            String literal = text.substring(start, pos);
            if (literal.equals(".") || literal.length() > 30) {
                throw errorAt(
                        start, "'" + literal + "' is not a number", "analytics.validation.formula.notNumber", literal);
            }
            return new Num(new BigDecimal(literal));
        }

        private boolean accept(char c) {
            if (pos < text.length() && text.charAt(pos) == c) {
                pos++;
                return true;
            }
            return false;
        }

        private void skipSpaces() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        private InvalidInputException error(String message, String code, Object... args) {
            return errorAt(pos, message, code, args);
        }

        /**
         * A problem at a 0-based position; its message code takes the 1-based position as the first
         * argument ({@code {0}}), then {@code args}.
         */
        private InvalidInputException errorAt(int at, String message, String code, Object... args) {
            Object[] all = new Object[args.length + 1];
            all[0] = at + 1;
            System.arraycopy(args, 0, all, 1, args.length);
            return InvalidInputException.coded(field, "at position " + (at + 1) + ": " + message, code, all);
        }
    }

    /** The codes referenced by several formulas, in order. */
    static List<String> allReferences(List<IndicatorFormula> formulas) {
        Set<String> codes = new LinkedHashSet<>();
        formulas.forEach(f -> codes.addAll(f.references()));
        return new ArrayList<>(codes);
    }
}
