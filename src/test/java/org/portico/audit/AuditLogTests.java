package org.portico.audit;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.portico.PorticoIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

@PorticoIntegrationTest
class AuditLogTests {

	@Autowired
	AuditLog audit;

	@Autowired
	JdbcClient jdbc;

	@Test
	void recordsWhoDidWhatToWhichObjectAndWhen() {
		this.audit.record(AuditEvent.success("auditor.test", "member.view", "member", "123456789-01"));
		List<AuditRecord> recent = this.audit.recentByActor("auditor.test", 5);
		assertThat(recent).first().satisfies((r) -> {
			assertThat(r.action()).isEqualTo("member.view");
			assertThat(r.objectType()).isEqualTo("member");
			assertThat(r.objectId()).isEqualTo("123456789-01");
			assertThat(r.outcome()).isEqualTo(AuditOutcome.SUCCESS);
			assertThat(r.occurredAt()).isNotNull();
		});
	}

	@Test
	void manyEventsAreRecordedAtOnceEachWithItsOwnDetail() {
		List<AuditEvent> events = new java.util.ArrayList<>();
		for (int i = 0; i < 250; i++) {
			events.add(new AuditEvent("batch.test", "member.view", "member", String.format("1234567%02d-01", i % 100),
					AuditOutcome.SUCCESS, (i == 0) ? "x".repeat(600) : "line " + i));
		}
		this.audit.recordAll(events);
		List<AuditRecord> recorded = this.audit.recentByActor("batch.test", 300);
		assertThat(recorded).hasSize(250);
		assertThat(recorded).extracting(AuditRecord::detail).contains("line 1", "line 249", "x".repeat(500));
	}

	@Test
	void theTrailCannotBeChangedOrErased() {
		this.audit.record(AuditEvent.denied("tamper.test", "claim.view", "claim", "260000000001"));
		long id = this.audit.recentByActor("tamper.test", 1).get(0).id();
		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> this.jdbc.sql("UPDATE audit.audit_event SET outcome = 'SUCCESS' WHERE id = ?")
				.param(id)
				.update());
		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> this.jdbc.sql("DELETE FROM audit.audit_event WHERE id = ?").param(id).update());
		assertThat(this.audit.recentByActor("tamper.test", 1).get(0).outcome()).isEqualTo(AuditOutcome.DENIED);
	}

	@Test
	void anEventNeedsAnActorAndAnAction() {
		assertThatIllegalArgumentException().isThrownBy(() -> AuditEvent.success(" ", "member.view", null, null));
		assertThatIllegalArgumentException().isThrownBy(() -> AuditEvent.success("someone", null, null, null));
	}

	@Test
	void theDemoLoadIsOnTheRecord() {
		assertThat(this.audit.recentByActor("demo-loader", 1)).isNotEmpty();
	}

}
