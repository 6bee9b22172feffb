package dev.watchkeeper.monitoring;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConditionTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static Condition.Answer answer(int status, String body) {
		return new Condition.Answer(status, 120, Map.of("Content-Type", List.of("application/json")), body,
				Optional.of(JSON.readTree(body)));
	}

	private static final String UNHEALTHY = """
			{"status":"unhealthy","version":"1.0.0","checks":{"database":"unhealthy","redis":"healthy",
			 "external_api":"timeout"}}""";

	@Test
	void theHandbookHealthFormatFailsNamingTheFirstFailingDependency() {
		var failure = Condition.parse("$.checks.* == \"healthy\"").failure(answer(503, UNHEALTHY));
		assertThat(failure).contains("$.checks.database is unhealthy, expected == \"healthy\"");
	}

	@Test
	void wildcardsHoldWhenEveryDependencyIsHealthy() {
		String healthy = """
				{"status":"healthy","checks":{"db":{"status":"healthy"},"cache":{"status":"healthy"}}}""";
		assertThat(Condition.parse("$.checks.*.status == \"healthy\"").failure(answer(200, healthy))).isEmpty();
		assertThat(Condition.parse("$.status != \"unhealthy\"").failure(answer(200, healthy))).isEmpty();
	}

	@Test
	void numbersCompareByValueAndStatusAndTimeAreNumbers() {
		String body = """
				{"queue":{"depth":42},"items":[{"n":1},{"n":7}]}""";
		assertThat(Condition.parse("$.queue.depth < 100").failure(answer(200, body))).isEmpty();
		assertThat(Condition.parse("$.queue.depth > 100").failure(answer(200, body)))
			.contains("$.queue.depth is 42, expected > 100");
		assertThat(Condition.parse("$.items.*.n < 5").failure(answer(200, body)))
			.contains("$.items[1].n is 7, expected < 5");
		assertThat(Condition.parse("status == 200").failure(answer(503, body)))
			.contains("status is 503, expected == 200");
		assertThat(Condition.parse("response_time < 100").failure(answer(200, body)))
			.contains("response_time is 120 ms, expected < 100");
	}

	@Test
	void headersMatchCaseInsensitivelyAndMissingPathsFail() {
		assertThat(Condition.parse("header.content-type contains \"json\"").failure(answer(200, "{}"))).isEmpty();
		assertThat(Condition.parse("$.status == \"healthy\"").failure(answer(200, "{}")))
			.contains("$.status not found");
	}

	@Test
	void malformedConditionsAreRefusedWithTheExpectedShape() {
		assertThatThrownBy(() -> Condition.parse("status === 200")).hasMessageContaining("must be");
		assertThatThrownBy(() -> Condition.parse("$.a < \"x\"")).hasMessageContaining("needs a number");
		assertThatThrownBy(() -> Condition.parse("status == \"ok\"")).hasMessageContaining("compares with a number");
	}

}
