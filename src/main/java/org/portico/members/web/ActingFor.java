package org.portico.members.web;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.portico.access.AccessApi;
import org.portico.access.ProviderFunction;
import org.portico.audit.AuditEvent;
import org.portico.audit.AuditLog;
import org.portico.identity.PorticoUser;
import org.portico.providers.Npi;
import org.portico.providers.ProviderApi;
import org.portico.providers.ProviderSummary;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The provider a user acts for in Eligibility & Benefits: one of the NPIs they hold the
 * function for.
 */
@Component
class ActingFor {

	static final ProviderFunction FUNCTION = ProviderFunction.ELIGIBILITY_BENEFITS;

	private final AccessApi access;

	private final ProviderApi providers;

	private final AuditLog audit;

	ActingFor(AccessApi access, ProviderApi providers, AuditLog audit) {
		this.access = access;
		this.providers = providers;
		this.audit = audit;
	}

	/**
	 * The NPI chosen, when the user may act for it. Any other is refused with the 403
	 * page and audited; none chosen is a problem to show on the form.
	 * @param action what the user tried, for the audit trail
	 * @return the NPI, or null with {@code eligibility.problem.npi} added to the problems
	 */
	Npi require(PorticoUser user, String typed, String action, List<String> problems) {
		if (!Npi.isValid(typed)) {
			problems.add("eligibility.problem.npi");
			return null;
		}
		Npi npi = Npi.parse(typed);
		if (!this.access.may(user.accountId(), FUNCTION, npi)) {
			this.audit.record(AuditEvent.denied(user.getUsername(), action, "npi", npi.value()));
			throw new AccessDeniedException("No eligibility access for " + npi.value());
		}
		return npi;
	}

	/** Whether the user still may act for the NPI. */
	boolean may(PorticoUser user, Npi npi) {
		return this.access.may(user.accountId(), FUNCTION, npi);
	}

	/** The provider as the pages name it: its name and NPI. */
	String label(Npi npi) {
		return new Choice(npi.value(), this.providers.find(npi).orElse(null)).label();
	}

	/** The NPIs the user may choose from, with the providers' names. */
	List<Choice> choices(PorticoUser user) {
		List<Npi> npis = this.access.npisFor(user.accountId(), FUNCTION).stream().toList();
		Map<Npi, ProviderSummary> names = this.providers.findAll(npis)
			.stream()
			.collect(Collectors.toMap(ProviderSummary::npi, Function.identity()));
		return npis.stream().map((n) -> new Choice(n.value(), names.get(n))).toList();
	}

	record Choice(String npi, ProviderSummary provider) {

		public String label() {
			return (this.provider != null) ? this.provider.name() + " (NPI " + this.npi + ")" : "NPI " + this.npi;
		}

	}

}
