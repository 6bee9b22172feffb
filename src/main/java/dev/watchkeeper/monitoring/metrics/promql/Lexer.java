package dev.watchkeeper.monitoring.metrics.promql;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.watchkeeper.monitoring.metrics.promql.Token.Kind;

/** Splits a PromQL query into tokens. */
final class Lexer {

	static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "by", "without", "on", "ignoring", "group_left",
			"group_right", "bool", "offset");

	private final String query;

	private int pos;

	/**
	 * Inside a range or subquery, where ':' separates range and step instead of naming
	 * metrics.
	 */
	private boolean inBrackets;

	private Lexer(String query) {
		this.query = query;
	}

	static List<Token> tokenize(String query) {
		Lexer lexer = new Lexer(query);
		List<Token> tokens = new ArrayList<>();
		for (int guard = 0; guard <= query.length() + 1; guard++) {
			Token t = lexer.next();
			tokens.add(t);
			if (t.is(Kind.EOF)) {
				return tokens;
			}
		}
		throw new ParseException(query, query.length(), "unexpected end of input");
	}

	private Token next() {
		skipSpaceAndComments();
		if (pos >= query.length()) {
			return new Token(Kind.EOF, "", pos);
		}
		int start = pos;
		char c = query.charAt(pos);
		if (Character.isDigit(c)
				|| (c == '.' && pos + 1 < query.length() && Character.isDigit(query.charAt(pos + 1)))) {
			return number(start);
		}
		if (c == ':' && inBrackets) {
			pos++;
			return token(Kind.COLON, start);
		}
		if (isIdentStart(c)) {
			while (pos < query.length() && isIdentPart(query.charAt(pos))) {
				pos++;
			}
			return new Token(Kind.IDENTIFIER, query.substring(start, pos), start);
		}
		if (c == '"' || c == '\'' || c == '`') {
			return string(start, c);
		}
		pos++;
		return switch (c) {
			case '(' -> token(Kind.LEFT_PAREN, start);
			case ')' -> token(Kind.RIGHT_PAREN, start);
			case '{' -> token(Kind.LEFT_BRACE, start);
			case '}' -> token(Kind.RIGHT_BRACE, start);
			case '[' -> {
				inBrackets = true;
				yield token(Kind.LEFT_BRACKET, start);
			}
			case ']' -> {
				inBrackets = false;
				yield token(Kind.RIGHT_BRACKET, start);
			}
			case ',' -> token(Kind.COMMA, start);
			case ':' -> token(Kind.COLON, start);
			case '@' -> token(Kind.AT, start);
			case '+' -> token(Kind.ADD, start);
			case '-' -> token(Kind.SUB, start);
			case '*' -> token(Kind.MUL, start);
			case '/' -> token(Kind.DIV, start);
			case '%' -> token(Kind.MOD, start);
			case '^' -> token(Kind.POW, start);
			case '=' -> accept('=') ? token(Kind.EQL, start)
					: accept('~') ? token(Kind.EQL_REGEX, start) : token(Kind.ASSIGN, start);
			case '!' -> {
				if (accept('=')) {
					yield token(Kind.NEQ, start);
				}
				if (accept('~')) {
					yield token(Kind.NEQ_REGEX, start);
				}
				throw new ParseException(query, start, "unexpected character after '!': " + describeAt(pos));
			}
			case '<' -> accept('=') ? token(Kind.LTE, start) : token(Kind.LSS, start);
			case '>' -> accept('=') ? token(Kind.GTE, start) : token(Kind.GTR, start);
			default -> throw new ParseException(query, start, "unexpected character: '" + c + "'");
		};
	}

	private String describeAt(int at) {
		return at < query.length() ? "'" + query.charAt(at) + "'" : "end of input";
	}

	private Token token(Kind kind, int start) {
		return new Token(kind, query.substring(start, pos), start);
	}

	private boolean accept(char c) {
		if (pos < query.length() && query.charAt(pos) == c) {
			pos++;
			return true;
		}
		return false;
	}

	private void skipSpaceAndComments() {
		while (pos < query.length()) {
			char c = query.charAt(pos);
			if (Character.isWhitespace(c)) {
				pos++;
			}
			else if (c == '#') {
				while (pos < query.length() && query.charAt(pos) != '\n') {
					pos++;
				}
			}
			else {
				return;
			}
		}
	}

	private Token number(int start) {
		if (query.startsWith("0x", pos) || query.startsWith("0X", pos)) {
			pos += 2;
			while (pos < query.length() && Character.digit(query.charAt(pos), 16) >= 0) {
				pos++;
			}
			return token(Kind.NUMBER, start);
		}
		while (pos < query.length() && Character.isDigit(query.charAt(pos))) {
			pos++;
		}
		if (pos < query.length() && isDurationUnit(pos)) {
			return duration(start);
		}
		if (accept('.')) {
			while (pos < query.length() && Character.isDigit(query.charAt(pos))) {
				pos++;
			}
		}
		if (pos < query.length() && (query.charAt(pos) == 'e' || query.charAt(pos) == 'E')) {
			int mark = pos;
			pos++;
			if (!accept('+')) {
				accept('-');
			}
			int digits = pos;
			while (pos < query.length() && Character.isDigit(query.charAt(pos))) {
				pos++;
			}
			if (pos == digits) {
				pos = mark;
			}
		}
		if (pos < query.length() && isIdentPart(query.charAt(pos))) {
			throw new ParseException(query, start, "bad number or duration syntax: \""
					+ query.substring(start, Math.min(query.length(), pos + 1)) + "\"");
		}
		return token(Kind.NUMBER, start);
	}

	private boolean isDurationUnit(int at) {
		char c = query.charAt(at);
		if ("smhdwy".indexOf(c) < 0) {
			return false;
		}
		int after = (c == 'm' && at + 1 < query.length() && query.charAt(at + 1) == 's') ? at + 2 : at + 1;
		if (after >= query.length()) {
			return true;
		}
		char next = query.charAt(after);
		return Character.isDigit(next) || !(Character.isLetter(next) || next == '_');
	}

	private Token duration(int start) {
		for (int guard = 0; guard < 16 && pos < query.length() && isDurationUnit(pos); guard++) {
			pos += (query.startsWith("ms", pos)) ? 2 : 1;
			if (pos < query.length() && Character.isDigit(query.charAt(pos))) {
				while (pos < query.length() && Character.isDigit(query.charAt(pos))) {
					pos++;
				}
				if (pos >= query.length() || !isDurationUnit(pos)) {
					throw new ParseException(query, start,
							"bad duration syntax: \"" + query.substring(start, pos) + "\"");
				}
			}
		}
		if (pos < query.length() && (Character.isLetter(query.charAt(pos)) || query.charAt(pos) == '_')) {
			throw new ParseException(query, start, "bad duration syntax: \"" + query.substring(start, pos + 1) + "\"");
		}
		return token(Kind.DURATION, start);
	}

	private Token string(int start, char quote) {
		pos++;
		StringBuilder sb = new StringBuilder();
		while (pos < query.length()) {
			char c = query.charAt(pos++);
			if (c == quote) {
				return new Token(Kind.STRING, sb.toString(), start);
			}
			if (c == '\\' && quote != '`') {
				if (pos >= query.length()) {
					break;
				}
				char e = query.charAt(pos++);
				switch (e) {
					case 'n' -> sb.append('\n');
					case 't' -> sb.append('\t');
					case 'r' -> sb.append('\r');
					case '\\', '"', '\'' -> sb.append(e);
					case 'a' -> sb.append('\u0007');
					case 'b' -> sb.append('\b');
					case 'f' -> sb.append('\f');
					case 'v' -> sb.append('\u000b');
					case 'x' -> {
						sb.append((char) hex(start, 2));
					}
					case 'u' -> sb.append((char) hex(start, 4));
					default -> throw new ParseException(query, pos - 2, "unknown escape sequence '" + e + "'");
				}
			}
			else if (c == '\n' && quote != '`') {
				throw new ParseException(query, start, "unterminated quoted string");
			}
			else {
				sb.append(c);
			}
		}
		throw new ParseException(query, start, quote == '`' ? "unterminated raw string" : "unterminated quoted string");
	}

	private int hex(int start, int digits) {
		if (pos + digits > query.length()) {
			throw new ParseException(query, start, "unterminated quoted string");
		}
		try {
			int v = Integer.parseInt(query.substring(pos, pos + digits), 16);
			pos += digits;
			return v;
		}
		catch (NumberFormatException ex) {
			throw new ParseException(query, pos, "invalid escape sequence");
		}
	}

	private static boolean isIdentStart(char c) {
		return Character.isLetter(c) && c < 128 || c == '_' || c == ':';
	}

	private static boolean isIdentPart(char c) {
		return isIdentStart(c) || (c >= '0' && c <= '9');
	}

}
