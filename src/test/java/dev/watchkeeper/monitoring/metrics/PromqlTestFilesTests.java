package dev.watchkeeper.monitoring.metrics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code src/test/resources/promql/*.test} file, each eval a test, run in file
 * order.
 */
class PromqlTestFilesTests {

	private static final Path DIRECTORY = Path.of("src/test/resources/promql");

	@TestFactory
	Stream<DynamicNode> promqlTestFiles() throws IOException {
		List<Path> files;
		try (Stream<Path> list = Files.list(DIRECTORY)) {
			files = list.filter((p) -> p.toString().endsWith(".test")).sorted().toList();
		}
		assertThat(files).isNotEmpty();
		List<DynamicNode> nodes = new ArrayList<>();
		for (Path file : files) {
			PromqlScript script = new PromqlScript(file.getFileName().toString());
			List<PromqlScript.Eval> evals = script.parse(Files.readString(file, StandardCharsets.UTF_8));
			List<DynamicTest> tests = new ArrayList<>();
			for (PromqlScript.Eval e : evals) {
				tests.add(DynamicTest.dynamicTest(e.name(), () -> e.check().run()));
			}
			nodes.add(DynamicContainer.dynamicContainer(file.getFileName().toString(), tests));
		}
		return nodes.stream();
	}

}
