package dev.watchkeeper.platform;

import dev.watchkeeper.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedDatabaseIntegrationTests extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Value("${watchkeeper.data-dir}")
	String dataDir;

	private String show(String setting) {
		return jdbc.sql("SHOW " + setting).query(String.class).single();
	}

	@Test
	void writesDurablySoCommittedDataSurvivesACrash() {
		assertThat(show("fsync")).isEqualTo("on");
		assertThat(show("synchronous_commit")).isEqualTo("on");
		assertThat(show("full_page_writes")).isEqualTo("on");
	}

	@Test
	void createsWalSegmentsWithoutZeroFillingThemWhileCommitsWait() {
		assertThat(show("wal_init_zero")).isEqualTo("off");
		assertThat(show("wal_recycle")).isEqualTo("on");
	}

	@Test
	void alertLabelsIndexFlushesItsPendingListInSmallSteps() {
		assertThat(jdbc.sql("SELECT reloptions::text FROM pg_class WHERE relname = 'alerting_alerts_labels_idx'")
			.query(String.class)
			.single()).contains("gin_pending_list_limit=512");
	}

	@Test
	void listensOnlyOnLoopbackAndKeepsItsDataInTheDataDirectory() {
		assertThat(show("listen_addresses")).isEqualTo("127.0.0.1");
		assertThat(show("data_directory")).startsWith(dataDir).endsWith("postgres");
	}

	@Test
	void runsPostgreSql18() {
		assertThat(show("server_version")).startsWith("18.");
	}

}
