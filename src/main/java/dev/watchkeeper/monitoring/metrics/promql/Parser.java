package dev.watchkeeper.monitoring.metrics.promql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.watchkeeper.monitoring.metrics.LabelMatcher;
import dev.watchkeeper.monitoring.metrics.Labels;
import dev.watchkeeper.monitoring.metrics.promql.Expr.Cardinality;
import dev.watchkeeper.monitoring.metrics.promql.Expr.VectorMatching;
import dev.watchkeeper.monitoring.metrics.promql.Token.Kind;

/**
 * A recursive-descent parser for PromQL with Prometheus's operator precedence (where
 * {@code ^} is right-associative and unary minus binds like multiplication) and
 * Prometheus's type checks. Every error names its position.
 */
public final class Parser {

	private final String query;

	private final List<Token> tokens;

	private int index;

	private boolean matchingExplicit;

	private Parser(String query) {
		this.query = query;
		this.tokens = Lexer.tokenize(query);
	}

	/**
	 * Parses a whole query; throws {@link ParseException} naming the position on error.
	 */
	public static Expr parse(String query) {
		Parser p = new Parser(query);
		if (p.peek().is(Kind.EOF)) {
			throw p.error(0, "no expression found in input");
		}
		Expr e = p.expression(0);
		Token end = p.peek();
		if (!end.is(Kind.EOF)) {
			throw p.unexpected(end, null);
		}
		return e;
	}

	/** Parses a duration such as {@code 1h30m} into milliseconds. */
	public static long parseDuration(String text) {
		long total = 0;
		int i = 0;
		if (text.isEmpty()) {
			throw new IllegalArgumentException("empty duration string");
		}
		while (i < text.length()) {
			int start = i;
			while (i < text.length() && Character.isDigit(text.charAt(i))) {
				i++;
			}
			if (i == start || i == text.length()) {
				throw new IllegalArgumentException("not a valid duration string: \"" + text + "\"");
			}
			long n = Long.parseLong(text.substring(start, i));
			long unit;
			if (text.startsWith("ms", i)) {
				unit = 1;
				i += 2;
			}
			else {
				unit = switch (text.charAt(i)) {
					case 's' -> 1000L;
					case 'm' -> 60_000L;
					case 'h' -> 3_600_000L;
					case 'd' -> 86_400_000L;
					case 'w' -> 7 * 86_400_000L;
					case 'y' -> 365 * 86_400_000L;
					default -> throw new IllegalArgumentException("not a valid duration string: \"" + text + "\"");
				};
				i++;
			}
			total = Math.addExact(total, Math.multiplyExact(n, unit));
		}
		return total;
	}

	private Expr expression(int minPrecedence) {
		Expr left = unary();
		for (int guard = 0; guard < tokens.size(); guard++) {
			Token opToken = peek();
			BinaryOp op = binaryOp(opToken);
			if (op == null || op.precedence() < minPrecedence) {
				return left;
			}
			index++;
			boolean returnBool = false;
			if (peek().isWord("bool")) {
				index++;
				returnBool = true;
			}
			VectorMatching matching = matching(op);
			boolean explicit = matchingExplicit;
			Expr right = expression(op.rightAssociative() ? op.precedence() : op.precedence() + 1);
			left = binary(opToken, op, left, right, returnBool, matching, explicit);
		}
		return left;
	}

	private VectorMatching matching(BinaryOp op) {
		Cardinality card = op.isSetOperator() ? Cardinality.MANY_TO_MANY : Cardinality.ONE_TO_ONE;
		List<String> labels = List.of();
		boolean on = false;
		boolean explicit = false;
		List<String> include = List.of();
		if (peek().isWord("on") || peek().isWord("ignoring")) {
			on = next().text().equals("on");
			labels = labelList();
			explicit = true;
		}
		if (peek().isWord("group_left") || peek().isWord("group_right")) {
			Token g = next();
			if (op.isSetOperator()) {
				throw error(g.position(), "no grouping allowed for \"" + op.symbol() + "\" operation");
			}
			card = g.text().equals("group_left") ? Cardinality.MANY_TO_ONE : Cardinality.ONE_TO_MANY;
			if (peek().is(Kind.LEFT_PAREN)) {
				include = labelList();
			}
			for (String l : include) {
				if (on && labels.contains(l)) {
					throw error(g.position(), "label \"" + l + "\" must not occur in ON and GROUP clause at once");
				}
			}
			explicit = true;
		}
		matchingExplicit = explicit;
		return new VectorMatching(card, labels, on, include);
	}

	private Expr binary(Token opToken, BinaryOp op, Expr lhs, Expr rhs, boolean returnBool, VectorMatching matching,
			boolean explicitMatching) {
		int pos = opToken.position();
		if (returnBool && !op.isComparison()) {
			throw error(pos, "bool modifier can only be used on comparison operators");
		}
		ValueType lt = lhs.type();
		ValueType rt = rhs.type();
		if ((lt != ValueType.SCALAR && lt != ValueType.VECTOR) || (rt != ValueType.SCALAR && rt != ValueType.VECTOR)) {
			throw error(pos, "binary expression must contain only scalar and instant vector types");
		}
		boolean bothVectors = lt == ValueType.VECTOR && rt == ValueType.VECTOR;
		if (op.isComparison() && !returnBool && lt == ValueType.SCALAR && rt == ValueType.SCALAR) {
			throw error(pos, "comparisons between scalars must use BOOL modifier");
		}
		if (op.isSetOperator() && (lt == ValueType.SCALAR || rt == ValueType.SCALAR)) {
			throw error(pos, "set operator \"" + op.symbol() + "\" not allowed in binary scalar expression");
		}
		if (!bothVectors && explicitMatching) {
			throw error(pos, "vector matching only allowed between instant vectors");
		}
		return new Expr.Binary(op, lhs, rhs, returnBool, bothVectors ? matching : null);
	}

	private Expr unary() {
		Token t = peek();
		if (t.is(Kind.SUB) || t.is(Kind.ADD)) {
			index++;
			Expr operand = expression(BinaryOp.POW.precedence());
			if (operand.type() != ValueType.SCALAR && operand.type() != ValueType.VECTOR) {
				throw error(t.position(),
						"unary expression only allowed on expressions of type scalar or instant vector, got "
								+ operand.type().description());
			}
			if (t.is(Kind.ADD)) {
				return operand;
			}
			return (operand instanceof Expr.NumberLiteral n) ? new Expr.NumberLiteral(-n.value())
					: new Expr.Negation(operand);
		}
		return postfix(primary());
	}

	private Expr postfix(Expr expr) {
		for (int guard = 0; guard < 4; guard++) {
			Token t = peek();
			if (t.is(Kind.LEFT_BRACKET)) {
				expr = range(t, expr);
			}
			else if (t.isWord("offset")) {
				expr = offset(t, expr);
			}
			else if (t.is(Kind.AT)) {
				throw error(t.position(), "@ modifier is not supported");
			}
			else {
				return expr;
			}
		}
		return expr;
	}

	private Expr range(Token bracket, Expr expr) {
		index++;
		long range = duration("range");
		if (peek().is(Kind.COLON)) {
			index++;
			long step = 0;
			if (peek().is(Kind.DURATION)) {
				step = duration("step");
			}
			expect(Kind.RIGHT_BRACKET, "subquery");
			if (expr.type() != ValueType.VECTOR) {
				throw error(bracket.position(),
						"subquery is only allowed on instant vector, got " + expr.type().description() + " instead");
			}
			return new Expr.Subquery(expr, range, step, 0);
		}
		expect(Kind.RIGHT_BRACKET, "range");
		if (!(expr instanceof Expr.VectorSelector vs)) {
			throw error(bracket.position(), "ranges only allowed for vector selectors");
		}
		if (vs.offsetMillis() != 0) {
			throw error(bracket.position(), "unexpected \"[\" after offset");
		}
		return new Expr.MatrixSelector(vs, range);
	}

	private Expr offset(Token t, Expr expr) {
		index++;
		boolean negative = false;
		if (peek().is(Kind.SUB)) {
			index++;
			negative = true;
		}
		long offset = duration("offset");
		if (negative) {
			offset = -offset;
		}
		return switch (expr) {
			case Expr.VectorSelector vs when vs.offsetMillis() == 0 ->
				new Expr.VectorSelector(vs.name(), vs.matchers(), offset);
			case Expr.MatrixSelector ms when ms.selector().offsetMillis() == 0 -> new Expr.MatrixSelector(
					new Expr.VectorSelector(ms.selector().name(), ms.selector().matchers(), offset), ms.rangeMillis());
			case Expr.Subquery sq when sq.offsetMillis() == 0 ->
				new Expr.Subquery(sq.expr(), sq.rangeMillis(), sq.stepMillis(), offset);
			case Expr.VectorSelector vs -> throw error(t.position(), "offset may not be set multiple times");
			case Expr.MatrixSelector ms -> throw error(t.position(), "offset may not be set multiple times");
			case Expr.Subquery sq -> throw error(t.position(), "offset may not be set multiple times");
			default -> throw error(t.position(),
					"offset modifier must be preceded by an instant vector selector or range vector selector or a subquery");
		};
	}

	private long duration(String context) {
		Token t = peek();
		if (!t.is(Kind.DURATION)) {
			throw unexpected(t, context);
		}
		index++;
		long millis;
		try {
			millis = parseDuration(t.text());
		}
		catch (IllegalArgumentException | ArithmeticException ex) {
			throw error(t.position(), "bad duration syntax: \"" + t.text() + "\"");
		}
		if (millis == 0 && !context.equals("offset")) {
			throw error(t.position(), "duration must be greater than 0");
		}
		return millis;
	}

	private Expr primary() {
		Token t = next();
		switch (t.kind()) {
			case NUMBER:
				return new Expr.NumberLiteral(number(t));
			case STRING:
				return new Expr.StringLiteral(t.text());
			case LEFT_PAREN: {
				if (peek().is(Kind.RIGHT_PAREN)) {
					throw unexpected(peek(), "paren expression");
				}
				Expr inner = expression(0);
				expect(Kind.RIGHT_PAREN, "paren expression");
				return new Expr.Paren(inner);
			}
			case LEFT_BRACE:
				index--;
				return selector(null, t.position());
			case IDENTIFIER:
				return identifier(t);
			default:
				throw unexpected(t, null);
		}
	}

	private Expr identifier(Token t) {
		String word = t.text();
		String lower = word.toLowerCase(Locale.ROOT);
		if (lower.equals("inf") || lower.equals("nan")) {
			return new Expr.NumberLiteral(lower.equals("inf") ? Double.POSITIVE_INFINITY : Double.NaN);
		}
		AggregateOp agg = AggregateOp.byKeyword(word);
		if (agg != null) {
			return aggregate(t, agg);
		}
		if (Lexer.KEYWORDS.contains(word)) {
			throw unexpected(t, null);
		}
		if (peek().is(Kind.LEFT_PAREN)) {
			Function f = Function.byName(word);
			if (f == null) {
				throw error(t.position(), "unknown function with name \"" + word + "\"");
			}
			return call(t, f);
		}
		return selector(word, t.position());
	}

	private Expr call(Token nameToken, Function f) {
		List<Expr> args = arguments();
		int min = f.args().size() - f.optional();
		int max = f.variadic() ? Integer.MAX_VALUE : f.args().size();
		if (args.size() < min || args.size() > max) {
			String expected = (f.variadic()) ? "at least " + min
					: (f.optional() > 0) ? min + " or " + f.args().size() : Integer.toString(min);
			String word = (f.optional() > 0 || f.variadic()) ? "argument(s)" : "argument(s)";
			throw error(nameToken.position(),
					"expected " + expected + " " + word + " in call to \"" + f.name() + "\", got " + args.size());
		}
		for (int i = 0; i < args.size(); i++) {
			ValueType want = f.args().get(Math.min(i, f.args().size() - 1));
			Expr arg = args.get(i);
			if (arg.type() != want) {
				throw error(nameToken.position(), "expected type " + want.description() + " in call to function \""
						+ f.name() + "\", got " + arg.type().description());
			}
		}
		return new Expr.Call(f, args);
	}

	private List<Expr> arguments() {
		expect(Kind.LEFT_PAREN, "function call");
		List<Expr> args = new ArrayList<>();
		if (peek().is(Kind.RIGHT_PAREN)) {
			index++;
			return args;
		}
		for (int guard = 0; guard < tokens.size(); guard++) {
			args.add(expression(0));
			Token t = next();
			if (t.is(Kind.RIGHT_PAREN)) {
				return args;
			}
			if (!t.is(Kind.COMMA)) {
				throw unexpected(t, "argument list");
			}
			if (peek().is(Kind.RIGHT_PAREN)) {
				index++;
				return args;
			}
		}
		throw unexpected(peek(), "argument list");
	}

	private Expr aggregate(Token t, AggregateOp op) {
		List<String> grouping = List.of();
		boolean without = false;
		boolean groupingSet = false;
		if (peek().isWord("by") || peek().isWord("without")) {
			without = next().text().equals("without");
			grouping = labelList();
			groupingSet = true;
		}
		if (!peek().is(Kind.LEFT_PAREN)) {
			throw unexpected(peek(), "aggregation");
		}
		List<Expr> args = arguments();
		if (!groupingSet && (peek().isWord("by") || peek().isWord("without"))) {
			without = next().text().equals("without");
			grouping = labelList();
		}
		int expected = (op.parameter() != null) ? 2 : 1;
		if (args.size() != expected) {
			throw error(t.position(), "wrong number of arguments for aggregate expression provided, expected "
					+ expected + ", got " + args.size());
		}
		Expr param = (expected == 2) ? args.get(0) : null;
		Expr body = args.get(expected - 1);
		if (body.type() != ValueType.VECTOR) {
			throw error(t.position(),
					"expected type instant vector in aggregation expression, got " + body.type().description());
		}
		if (param != null && param.type() != op.parameter()) {
			throw error(t.position(), "expected type " + op.parameter().description()
					+ " in aggregation parameter, got " + param.type().description());
		}
		return new Expr.Aggregate(op, body, param, grouping, without);
	}

	private List<String> labelList() {
		expect(Kind.LEFT_PAREN, "grouping opts");
		List<String> labels = new ArrayList<>();
		for (int guard = 0; guard < tokens.size(); guard++) {
			Token t = next();
			if (t.is(Kind.RIGHT_PAREN)) {
				return labels;
			}
			if (!t.is(Kind.IDENTIFIER) || t.text().contains(":")) {
				throw unexpected(t, "grouping opts");
			}
			labels.add(t.text());
			Token sep = next();
			if (sep.is(Kind.RIGHT_PAREN)) {
				return labels;
			}
			if (!sep.is(Kind.COMMA)) {
				throw unexpected(sep, "grouping opts");
			}
		}
		throw unexpected(peek(), "grouping opts");
	}

	private Expr selector(String name, int position) {
		List<LabelMatcher> matchers = new ArrayList<>();
		if (name != null) {
			matchers.add(LabelMatcher.equal(Labels.METRIC_NAME, name));
		}
		if (peek().is(Kind.LEFT_BRACE)) {
			index++;
			matchers.addAll(matchers(name));
		}
		boolean nonEmpty = false;
		for (LabelMatcher m : matchers) {
			nonEmpty |= !m.matchesEmpty();
		}
		if (!nonEmpty) {
			throw error(position, "vector selector must contain at least one non-empty matcher");
		}
		String metric = name;
		if (metric == null) {
			for (LabelMatcher m : matchers) {
				if (m.name().equals(Labels.METRIC_NAME) && m.type() == LabelMatcher.Type.EQUAL) {
					metric = m.value();
				}
			}
		}
		return new Expr.VectorSelector(metric, List.copyOf(matchers), 0);
	}

	private List<LabelMatcher> matchers(String metricName) {
		List<LabelMatcher> matchers = new ArrayList<>();
		for (int guard = 0; guard < tokens.size(); guard++) {
			Token t = next();
			if (t.is(Kind.RIGHT_BRACE)) {
				return matchers;
			}
			if (!t.is(Kind.IDENTIFIER) || t.text().contains(":")) {
				throw unexpected(t, "label matching");
			}
			Token op = next();
			LabelMatcher.Type type = switch (op.kind()) {
				case ASSIGN -> LabelMatcher.Type.EQUAL;
				case NEQ -> LabelMatcher.Type.NOT_EQUAL;
				case EQL_REGEX -> LabelMatcher.Type.REGEX;
				case NEQ_REGEX -> LabelMatcher.Type.NOT_REGEX;
				default -> throw unexpected(op, "label matching, expected one of \"=\", \"!=\", \"=~\" or \"!~\"");
			};
			Token value = next();
			if (!value.is(Kind.STRING)) {
				throw unexpected(value, "label matching, expected string");
			}
			if (metricName != null && t.text().equals(Labels.METRIC_NAME)) {
				throw error(t.position(),
						"metric name must not be set twice: \"" + metricName + "\" or \"" + value.text() + "\"");
			}
			try {
				matchers.add(LabelMatcher.of(t.text(), type, value.text()));
			}
			catch (IllegalArgumentException ex) {
				throw error(value.position(), ex.getMessage());
			}
			Token sep = next();
			if (sep.is(Kind.RIGHT_BRACE)) {
				return matchers;
			}
			if (!sep.is(Kind.COMMA)) {
				throw unexpected(sep, "label matching, expected \",\" or \"}\"");
			}
		}
		throw unexpected(peek(), "label matching");
	}

	private double number(Token t) {
		String s = t.text();
		try {
			if (s.startsWith("0x") || s.startsWith("0X")) {
				return Long.parseLong(s.substring(2), 16);
			}
			return Double.parseDouble(s);
		}
		catch (NumberFormatException ex) {
			throw error(t.position(), "bad number or duration syntax: \"" + s + "\"");
		}
	}

	private static BinaryOp binaryOp(Token t) {
		return switch (t.kind()) {
			case ADD -> BinaryOp.ADD;
			case SUB -> BinaryOp.SUB;
			case MUL -> BinaryOp.MUL;
			case DIV -> BinaryOp.DIV;
			case MOD -> BinaryOp.MOD;
			case POW -> BinaryOp.POW;
			case EQL -> BinaryOp.EQL;
			case NEQ -> BinaryOp.NEQ;
			case LSS -> BinaryOp.LSS;
			case LTE -> BinaryOp.LTE;
			case GTR -> BinaryOp.GTR;
			case GTE -> BinaryOp.GTE;
			case IDENTIFIER -> switch (t.text()) {
				case "and" -> BinaryOp.AND;
				case "or" -> BinaryOp.OR;
				case "unless" -> BinaryOp.UNLESS;
				default -> null;
			};
			default -> null;
		};
	}

	private Token peek() {
		return tokens.get(index);
	}

	private Token next() {
		Token t = tokens.get(index);
		if (!t.is(Kind.EOF)) {
			index++;
		}
		return t;
	}

	private void expect(Kind kind, String context) {
		Token t = next();
		if (!t.is(kind)) {
			throw unexpected(t, context);
		}
	}

	private ParseException unexpected(Token t, String context) {
		return error(t.position(), "unexpected " + t.describe() + ((context == null) ? "" : " in " + context));
	}

	private ParseException error(int position, String problem) {
		return new ParseException(query, position, problem);
	}

}
