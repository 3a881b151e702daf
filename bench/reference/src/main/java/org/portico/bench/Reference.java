package org.portico.bench;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The bare reference the portal's eligibility lookup is measured against: the same
 * primary-key read of a member, as JSON, with nothing else.
 */
@SpringBootApplication
@RestController
public class Reference {

	private final JdbcClient jdbc;

	Reference(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public static void main(String[] args) {
		SpringApplication.run(Reference.class, args);
	}

	@GetMapping("/members/{subscriberId}-{suffix}")
	ResponseEntity<Map<String, Object>> member(@PathVariable String subscriberId, @PathVariable String suffix) {
		return this.jdbc.sql("""
				SELECT subscriber_id, member_suffix, first_name, last_name, birth_date, relationship
				FROM members.member WHERE subscriber_id = ? AND member_suffix = ?
				""")
			.params(subscriberId, suffix)
			.query()
			.listOfRows()
			.stream()
			.findFirst()
			.map(ResponseEntity::ok)
			.orElse(ResponseEntity.notFound().build());
	}

}
