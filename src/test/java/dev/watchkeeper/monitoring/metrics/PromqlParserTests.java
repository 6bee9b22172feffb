package dev.watchkeeper.monitoring.metrics;

import dev.watchkeeper.monitoring.metrics.promql.BinaryOp;
import dev.watchkeeper.monitoring.metrics.promql.Expr;
import dev.watchkeeper.monitoring.metrics.promql.ParseException;
import dev.watchkeeper.monitoring.metrics.promql.Parser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PromqlParserTests {

	@Test
	void namesTheLineAndColumnOfAnUnexpectedToken() {
		assertThatThrownBy(() -> Parser.parse("sum(rate(foo[5m])))")).isInstanceOf(ParseException.class)
			.hasMessage("1:19: parse error: unexpected \")\"");
		assertThatThrownBy(() -> Parser.parse("sum(\n  rate(foo[5m]) +)"))
			.hasMessage("2:18: parse error: unexpected \")\"");
		assertThatThrownBy(() -> Parser.parse("foo{job=\"x\""))
			.hasMessageStartingWith("1:12: parse error: unexpected end of input");
		assertThatThrownBy(() -> Parser.parse("")).hasMessage("1:1: parse error: no expression found in input");
	}

	@Test
	void reportsPrometheusTypeErrors() {
		assertThatThrownBy(() -> Parser.parse("rate(foo)")).hasMessage(
				"1:1: parse error: expected type range vector in call to function \"rate\", got instant vector");
		assertThatThrownBy(() -> Parser.parse("1 > 2"))
			.hasMessage("1:3: parse error: comparisons between scalars must use BOOL modifier");
		assertThatThrownBy(() -> Parser.parse("foo + bool bar"))
			.hasMessage("1:5: parse error: bool modifier can only be used on comparison operators");
		assertThatThrownBy(() -> Parser.parse("{job=~\".*\"}"))
			.hasMessage("1:1: parse error: vector selector must contain at least one non-empty matcher");
		assertThatThrownBy(() -> Parser.parse("nosuch(foo)"))
			.hasMessage("1:1: parse error: unknown function with name \"nosuch\"");
		assertThatThrownBy(() -> Parser.parse("foo{a=~\"(\"}"))
			.hasMessageStartingWith("1:8: parse error: invalid regular expression");
		assertThatThrownBy(() -> Parser.parse("(foo)[5m]"))
			.hasMessage("1:6: parse error: ranges only allowed for vector selectors");
		assertThatThrownBy(() -> Parser.parse("foo[5x]")).hasMessageContaining("parse error");
	}

	@Test
	void powerIsRightAssociativeAndBindsTighterThanUnaryMinus() {
		Expr e = Parser.parse("a ^ b ^ c");
		assertThat(e).isInstanceOfSatisfying(Expr.Binary.class, (b) -> {
			assertThat(b.op()).isEqualTo(BinaryOp.POW);
			assertThat(b.rhs()).isInstanceOf(Expr.Binary.class);
		});
		assertThat(Parser.parse("-a ^ b")).isInstanceOf(Expr.Negation.class);
		assertThat(Parser.parse("-a * b")).isInstanceOfSatisfying(Expr.Binary.class,
				(b) -> assertThat(b.lhs()).isInstanceOf(Expr.Negation.class));
		Expr or = Parser.parse("a or b and c unless d");
		assertThat(or).isInstanceOfSatisfying(Expr.Binary.class, (b) -> assertThat(b.op()).isEqualTo(BinaryOp.OR));
	}

	@Test
	void parsesModifiersGroupingAndSubqueries() {
		Expr e = Parser.parse("sum by (job) (rate(x_total{a!=\"b\"}[5m] offset 1h)) / on(job) group_left(team) owner");
		assertThat(e).isInstanceOfSatisfying(Expr.Binary.class, (b) -> {
			assertThat(b.matching().on()).isTrue();
			assertThat(b.matching().labels()).containsExactly("job");
			assertThat(b.matching().include()).containsExactly("team");
			assertThat(b.matching().card()).isEqualTo(Expr.Cardinality.MANY_TO_ONE);
		});
		assertThat(Parser.parse("max_over_time(rate(x[1m])[1h:5m])")).isInstanceOf(Expr.Call.class);
		assertThat(Parser.parse("sum(x) without (a,)")).isInstanceOfSatisfying(Expr.Aggregate.class,
				(a) -> assertThat(a.without()).isTrue());
		assertThat(Parser.parse("x offset 1h30m")).isInstanceOfSatisfying(Expr.VectorSelector.class,
				(v) -> assertThat(v.offsetMillis()).isEqualTo(5_400_000));
		assertThat(Parser.parse("job:rate5m:sum")).isInstanceOf(Expr.VectorSelector.class);
	}

}
