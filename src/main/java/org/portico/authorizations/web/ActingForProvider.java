package org.portico.authorizations.web;

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
 * The provider a user acts for in prior authorization: one of the NPIs they hold the
 * Referrals & Authorizations function for. Any other NPI is refused with the 403 page and
 * audited.
 */
@Component
class ActingForProvider {

	static final ProviderFunction FUNCTION = ProviderFunction.REFERRALS_AUTHORIZATIONS;

	private final AccessApi access;

	private final ProviderApi providers;

	private final AuditLog audit;

	ActingForProvider(AccessApi access, ProviderApi providers, AuditLog audit) {
		this.access = access;
		this.providers = providers;
		this.audit = audit;
	}

	/**
	 * The NPI typed, when the user may act for it.
	 * @return the NPI, or null with a problem on the field when none valid was chosen
	 */
	Npi require(PorticoUser user, String typed, String field, String action, List<Problem> problems) {
		if (typed == null || !Npi.isValid(typed.strip())) {
			problems.add(Problem.of(field, "prior-auth.problem.npi"));
			return null;
		}
		Npi npi = Npi.parse(typed.strip());
		if (!this.access.may(user.accountId(), FUNCTION, npi)) {
			this.audit.record(AuditEvent.denied(user.getUsername(), action, "npi", npi.value()));
			throw new AccessDeniedException("No referrals and authorizations access for " + npi.value());
		}
		return npi;
	}

	/** Refuses a user with no NPI at all for the function, before any form is shown. */
	void requireAny(PorticoUser user, String action) {
		if (this.access.npisFor(user.accountId(), FUNCTION).isEmpty()) {
			this.audit.record(AuditEvent.denied(user.getUsername(), action, "function", FUNCTION.name()));
			throw new AccessDeniedException("No referrals and authorizations access");
		}
	}

	boolean may(PorticoUser user, Npi npi) {
		return this.access.may(user.accountId(), FUNCTION, npi);
	}

	java.util.Set<Npi> npis(PorticoUser user) {
		return this.access.npisFor(user.accountId(), FUNCTION);
	}

	/** The NPIs the user may choose from, with the providers' names. */
	List<Choice> choices(PorticoUser user) {
		List<Npi> npis = this.access.npisFor(user.accountId(), FUNCTION).stream().toList();
		Map<Npi, ProviderSummary> names = this.providers.findAll(npis)
			.stream()
			.collect(Collectors.toMap(ProviderSummary::npi, Function.identity()));
		return npis.stream().map((n) -> new Choice(n.value(), names.get(n))).toList();
	}

	/** A provider as the pages name it: its name and NPI. */
	String label(String npi) {
		return Npi.isValid(npi) ? new Choice(npi, this.providers.find(Npi.parse(npi)).orElse(null)).label()
				: "NPI " + npi;
	}

	record Choice(String npi, ProviderSummary provider) {

		public String label() {
			return (this.provider != null) ? this.provider.name() + " (NPI " + this.npi + ")" : "NPI " + this.npi;
		}

	}

}
