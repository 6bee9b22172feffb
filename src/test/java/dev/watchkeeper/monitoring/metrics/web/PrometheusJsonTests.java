package dev.watchkeeper.monitoring.metrics.web;

import java.util.List;

import dev.watchkeeper.monitoring.metrics.Labels;
import dev.watchkeeper.monitoring.metrics.promql.Value;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PrometheusJsonTests {

	@Test
	void writesTimesAsSecondsWithMillisecondFractionsAndValuesAsGoFormatsThem() {
		Value.Vector v = new Value.Vector(List.of(new Value.Sample(Labels.of("__name__", "up", "job", "a\"b"), 1e21),
				new Value.Sample(Labels.of("job", "c"), 0.1 + 0.2)));
		assertThat(PrometheusJson.success(v, 1_435_781_451_781L))
			.isEqualTo("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\","
					+ "\"result\":[{\"metric\":{\"__name__\":\"up\",\"job\":\"a\\\"b\"},\"value\":[1435781451.781,\"1000000000000000000000\"]},"
					+ "{\"metric\":{\"job\":\"c\"},\"value\":[1435781451.781,\"0.30000000000000004\"]}]}}");
		assertThat(PrometheusJson.success(new Value.Scalar(Double.NaN), 5_000)).contains("\"result\":[5,\"NaN\"]");
		assertThat(PrometheusJson.success(new Value.Scalar(-0.5), 1_005)).contains("\"result\":[1.005,\"-0.5\"]");
		assertThat(PrometheusJson.success(new Value.Scalar(1e-7), 1_500)).contains("\"result\":[1.500,\"0.0000001\"]");
	}

}
