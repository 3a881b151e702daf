package org.portico.members;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;

import org.portico.providers.Npi;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Care plans open only to providers who treat the member: the member's PCP today, or a
 * provider whose NPI billed or rendered a claim for them with service in the last 12
 * months. Holding the care plans function for an NPI is not enough on its own.
 */
@Component
public class TreatingRelationship {

	/** How far back a claim shows that a provider treats the member. */
	public static final Period LOOK_BACK = Period.ofMonths(12);

	/** Why a provider treats the member. */
	public enum Basis {

		/** The member's primary care provider today. */
		PCP,

		/** A claim from the provider for the member within {@link #LOOK_BACK}. */
		RECENT_CLAIM

	}

	/** Who is a member's PCP on a day. */
	interface PcpAssignments {

		boolean isPcp(MemberId member, Npi npi, LocalDate on);

	}

	private final PcpAssignments pcps;

	private final TreatmentHistory history;

	private final Clock clock;

	@Autowired
	TreatingRelationship(JdbcClient jdbc, TreatmentHistory history, Clock clock) {
		this((member, npi, on) -> jdbc.sql("""
				SELECT COUNT(*) FROM members.pcp_assignment
				WHERE subscriber_id = ? AND member_suffix = ? AND pcp_npi = ? AND effective_date <= ?
				  AND (termination_date IS NULL OR termination_date >= ?)
				""").params(member.subscriberId(), member.suffix(), npi.value(), on, on).query(Long.class).single() > 0,
				history, clock);
	}

	TreatingRelationship(PcpAssignments pcps, TreatmentHistory history, Clock clock) {
		this.pcps = pcps;
		this.history = history;
		this.clock = clock;
	}

	/** Why the provider treats the member, or empty when they do not. */
	public Optional<Basis> between(Npi provider, MemberId member) {
		LocalDate today = LocalDate.now(this.clock);
		if (this.pcps.isPcp(member, provider, today)) {
			return Optional.of(Basis.PCP);
		}
		if (this.history.billedOrRenderedSince(member, provider, today.minus(LOOK_BACK))) {
			return Optional.of(Basis.RECENT_CLAIM);
		}
		return Optional.empty();
	}

}
