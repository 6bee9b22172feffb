package dev.watchkeeper.monitoring.metrics.promql;

/** One lexical token; {@code text} is the source text (unescaped for strings). */
record Token(Kind kind, String text, int position) {

	enum Kind {

		IDENTIFIER, NUMBER, DURATION, STRING, LEFT_PAREN, RIGHT_PAREN, LEFT_BRACE, RIGHT_BRACE, LEFT_BRACKET,
		RIGHT_BRACKET, COMMA, COLON, AT, ASSIGN, EQL, NEQ, EQL_REGEX, NEQ_REGEX, LSS, LTE, GTR, GTE, ADD, SUB, MUL, DIV,
		MOD, POW, EOF

	}

	boolean is(Kind k) {
		return kind == k;
	}

	boolean isWord(String word) {
		return kind == Kind.IDENTIFIER && text.equals(word);
	}

	/** How errors name the token, as Prometheus does. */
	String describe() {
		return switch (kind) {
			case EOF -> "end of input";
			case IDENTIFIER -> Lexer.KEYWORDS.contains(text) ? text : "identifier \"" + text + "\"";
			case NUMBER -> "number \"" + text + "\"";
			case DURATION -> "duration \"" + text + "\"";
			case STRING -> "string \"" + text + "\"";
			default -> "\"" + text + "\"";
		};
	}

}
