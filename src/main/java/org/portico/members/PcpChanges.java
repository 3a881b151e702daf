package org.portico.members;

import java.io.Serializable;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import org.portico.providers.Npi;
import org.portico.providers.PcpEligibility;
import org.portico.providers.ProviderApi;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * PCP changes on a member's behalf: only for products that require a PCP, to a primary
 * care provider in the product's network and accepting new patients, effective the first
 * of next month. The change and the new PCP assignment are written together or not at
 * all; a second request for the same member and month finds the first.
 */
@Service
public class PcpChanges {

	private final JdbcClient jdbc;

	private final Eligibility eligibility;

	private final ProviderApi providers;

	private final Clock clock;

	PcpChanges(JdbcClient jdbc, Eligibility eligibility, ProviderApi providers, Clock clock) {
		this.jdbc = jdbc;
		this.eligibility = eligibility;
		this.providers = providers;
		this.clock = clock;
	}

	/**
	 * A PCP change as the office sees it once made; kept in the session (in the database)
	 * for the page shown after the request.
	 */
	public record PcpChange(String confirmation, MemberId member, String newPcpNpi, LocalDate effectiveDate,
			String requestedBy, Instant requestedAt) implements Serializable {
	}

	/** How a request ended. */
	public sealed interface Outcome {

		record Made(PcpChange change) implements Outcome {
		}

		/** A change for this member and month was already made: this is it. */
		record AlreadyRequested(PcpChange change) implements Outcome {
		}

		record Refused(String messageKey) implements Outcome {
		}

	}

	/** The first of next month, when a change asked for today takes effect. */
	public LocalDate nextEffectiveDate() {
		return LocalDate.now(this.clock).withDayOfMonth(1).plusMonths(1);
	}

	@Transactional(readOnly = true)
	public Optional<PcpChange> pending(MemberId member) {
		return this.jdbc.sql(SELECT + " WHERE subscriber_id = ? AND member_suffix = ? AND effective_date > ?")
			.params(member.subscriberId(), member.suffix(), LocalDate.now(this.clock))
			.query(PcpChanges::change)
			.optional();
	}

	@Transactional
	public Outcome request(MemberId member, String typedNpi, Npi actingFor, String requestedBy) {
		LocalDate effective = nextEffectiveDate();
		Optional<PcpChange> existing = find(member, effective);
		if (existing.isPresent()) {
			return new Outcome.AlreadyRequested(existing.get());
		}
		Optional<EligibilityReport.Coverage> covered = this.eligibility.coverageOn(member, effective);
		if (covered.isEmpty()) {
			return new Outcome.Refused("pcp-change.problem.not-covered");
		}
		EligibilityReport.Coverage coverage = covered.get();
		if (!coverage.pcpRequired()) {
			return new Outcome.Refused("pcp-change.problem.not-required");
		}
		String compact = (typedNpi == null) ? "" : typedNpi.replaceAll("\\s", "");
		if (!Npi.isValid(compact)) {
			return new Outcome.Refused("pcp-change.problem.npi");
		}
		Npi pcp = Npi.parse(compact);
		String previous = this.eligibility.pcpOn(member, effective).map(EligibilityReport.PcpSpan::pcpNpi).orElse(null);
		if (pcp.value().equals(previous)) {
			return new Outcome.Refused("pcp-change.problem.same");
		}
		PcpEligibility eligible = this.providers.pcpEligibility(pcp, coverage.productCode(), effective);
		if (eligible != PcpEligibility.ELIGIBLE) {
			return new Outcome.Refused("pcp-change.problem." + eligible.name());
		}
		// Asked a moment ago by a double submit or a colleague: theirs stands. Nothing is
		// inserted then, and the transaction goes on (a failed insert would end it on
		// PostgreSQL).
		int inserted = this.jdbc.sql("""
				INSERT INTO members.pcp_change (subscriber_id, member_suffix, effective_date, previous_pcp_npi,
				  new_pcp_npi, requested_for_npi, requested_by, requested_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT DO NOTHING
				""")
			.params(member.subscriberId(), member.suffix(), effective, previous, pcp.value(), actingFor.value(),
					requestedBy, Timestamp.from(Instant.now(this.clock)))
			.update();
		if (inserted == 0) {
			return new Outcome.AlreadyRequested(find(member, effective).orElseThrow());
		}
		this.jdbc.sql("""
				UPDATE members.pcp_assignment SET termination_date = ?
				WHERE subscriber_id = ? AND member_suffix = ? AND effective_date < ?
				  AND (termination_date IS NULL OR termination_date >= ?)
				""")
			.params(effective.minusDays(1), member.subscriberId(), member.suffix(), effective, effective)
			.update();
		this.jdbc.sql("""
				INSERT INTO members.pcp_assignment (subscriber_id, member_suffix, effective_date, termination_date,
				  pcp_npi, change_reason)
				VALUES (?, ?, ?, ?, ?, 'PROVIDER_REQUEST')
				""")
			.params(member.subscriberId(), member.suffix(), effective, coverage.terminationDate(), pcp.value())
			.update();
		return new Outcome.Made(find(member, effective).orElseThrow());
	}

	private Optional<PcpChange> find(MemberId member, LocalDate effective) {
		return this.jdbc.sql(SELECT + " WHERE subscriber_id = ? AND member_suffix = ? AND effective_date = ?")
			.params(member.subscriberId(), member.suffix(), effective)
			.query(PcpChanges::change)
			.optional();
	}

	private static final String SELECT = """
			SELECT id, subscriber_id, member_suffix, new_pcp_npi, effective_date, requested_by, requested_at
			FROM members.pcp_change""";

	private static PcpChange change(ResultSet rs, int row) throws SQLException {
		return new PcpChange(String.format("PCP-%08d", rs.getLong(1)), new MemberId(rs.getString(2), rs.getString(3)),
				rs.getString(4), rs.getObject(5, LocalDate.class), rs.getString(6), rs.getTimestamp(7).toInstant());
	}

}
