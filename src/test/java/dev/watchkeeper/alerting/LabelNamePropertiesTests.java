package dev.watchkeeper.alerting;

import java.util.regex.Pattern;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.StringLength;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-written label name check agrees with Prometheus's regular expression. */
class LabelNamePropertiesTests {

	private static final Pattern PROMETHEUS = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

	@Property(tries = 2000)
	void agreesWithTheRegularExpression(
			@ForAll @StringLength(max = 8) @CharRange(from = 'a', to = 'c') @CharRange(from = 'X', to = 'Z') @CharRange(
					from = '0', to = '9') @Chars({ '_', '-', '.', ':', ' ', 'é', '/' }) String name) {
		assertThat(AlertValidation.isLabelName(name)).as(name).isEqualTo(PROMETHEUS.matcher(name).matches());
	}

	@Example
	void edgeCases() {
		assertThat(AlertValidation.isLabelName("")).isFalse();
		assertThat(AlertValidation.isLabelName("9lives")).isFalse();
		assertThat(AlertValidation.isLabelName("_9")).isTrue();
		assertThat(AlertValidation.isLabelName("le")).isTrue();
		assertThat(AlertValidation.isLabelName("a:b")).isFalse();
	}

}
