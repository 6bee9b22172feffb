package dev.watchkeeper.platform.database;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DatabaseUrlTests {

	@Test
	void readsTheHandbooksForm() {
		var url = DatabaseUrl.parse("postgresql://watch:s%40cret@db.internal:5433/watchkeeper?sslmode=require");
		assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:5433/watchkeeper?sslmode=require");
		assertThat(url.username()).isEqualTo("watch");
		assertThat(url.password()).isEqualTo("s@cret");
	}

	@Test
	void acceptsPostgresSchemeAndNoPort() {
		var url = DatabaseUrl.parse("postgres://user@localhost/app");
		assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost/app");
		assertThat(url.username()).isEqualTo("user");
		assertThat(url.password()).isNull();
	}

	@Test
	void passesJdbcUrlsThrough() {
		var url = DatabaseUrl.parse("jdbc:postgresql://127.0.0.1:5432/db?user=a&password=b");
		assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/db?user=a&password=b");
		assertThat(url.username()).isNull();
	}

	@Test
	void refusesOtherDatabasesAndIncompleteUrls() {
		assertThatIllegalArgumentException().isThrownBy(() -> DatabaseUrl.parse("mysql://u:p@h/db"));
		assertThatIllegalArgumentException().isThrownBy(() -> DatabaseUrl.parse("postgresql://host:5432/"))
			.withMessageContaining("no database name");
	}

	@Test
	void neverPrintsThePassword() {
		assertThat(DatabaseUrl.parse("postgresql://u:topsecret@h/db").toString()).doesNotContain("topsecret");
	}

}
