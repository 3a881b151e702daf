package org.portico;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each module owns one schema, and no module's code or migrations name another module's
 * tables: data crosses modules only through their APIs.
 */
class ModuleTablesTests {

	private static final Set<String> SCHEMAS = Set.of("audit", "identity", "access", "providers", "members", "claims",
			"authorizations", "reports", "notifications", "interop", "demo");

	/** A table named in SQL, or handed to a bulk load. */
	private static final Pattern TABLE_REFERENCE = Pattern
		.compile("(?i)(?:\\b(?:from|join|into|update|table|references|on)\\s+|into\\(\")([a-z]+)\\.([a-z_]+)\\b");

	@Test
	void javaCodeOnlyNamesItsOwnModulesTables() throws IOException {
		assertThat(foreignReferences(Path.of("src/main/java/org/portico"), ".java")).isEmpty();
	}

	@Test
	void migrationsOnlyTouchTheirOwnModulesSchema() throws IOException {
		assertThat(foreignReferences(Path.of("src/main/resources/db/migration"), ".sql")).isEmpty();
		assertThat(foreignReferences(Path.of("src/main/resources/db/vendor/h2"), ".sql")).isEmpty();
		assertThat(foreignReferences(Path.of("src/main/resources/db/vendor/postgresql"), ".sql")).isEmpty();
	}

	@Test
	void theCheckFindsAForeignTable() {
		assertThat(references("SELECT * FROM members.member m JOIN claims.claim c")).containsExactly("members",
				"claims");
		assertThat(references("load.into(\"claims.claim\", \"id\")")).containsExactly("claims");
		assertThat(references("import org.portico.claims.ClaimFeed; login(\"claims.staff\"); providers.facility(r)"))
			.isEmpty();
	}

	private static List<String> foreignReferences(Path root, String extension) throws IOException {
		List<String> problems = new ArrayList<>();
		try (Stream<Path> files = Files.walk(root)) {
			for (Path file : files.filter((f) -> f.toString().endsWith(extension)).toList()) {
				String module = root.relativize(file).getName(0).toString();
				for (String schema : references(Files.readString(file))) {
					if (!schema.equals(module)) {
						problems.add(root.relativize(file) + " names a table of " + schema);
					}
				}
			}
		}
		return problems;
	}

	private static List<String> references(String text) {
		List<String> schemas = new ArrayList<>();
		Matcher m = TABLE_REFERENCE.matcher(text);
		while (m.find()) {
			if (SCHEMAS.contains(m.group(1))) {
				schemas.add(m.group(1));
			}
		}
		return schemas;
	}

}
