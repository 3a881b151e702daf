package org.portico.authorizations.web;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.portico.access.AccessApi;
import org.portico.access.ProviderFunction;
import org.portico.identity.PorticoUser;
import org.portico.members.MemberApi;
import org.portico.members.MemberId;
import org.portico.members.MemberSummary;
import org.portico.providers.Npi;
import org.portico.providers.ProviderApi;
import org.portico.providers.ProviderSummary;

import org.springframework.stereotype.Component;

/**
 * What the pages of this section look up to show: the NPIs a user acts for, and the names
 * of providers and members.
 */
@Component
class Offices {

	private final AccessApi access;

	private final ProviderApi providers;

	private final MemberApi members;

	Offices(AccessApi access, ProviderApi providers, MemberApi members) {
		this.access = access;
		this.providers = providers;
		this.members = members;
	}

	/** The NPIs the user holds the function for, with the providers' names. */
	List<Choice> choices(PorticoUser user, ProviderFunction function) {
		List<Npi> npis = this.access.npisFor(user.accountId(), function).stream().toList();
		Map<String, String> names = names(npis);
		return npis.stream().map((n) -> new Choice(n.value(), names.get(n.value()))).toList();
	}

	/** Providers' names by NPI, for those on file. */
	Map<String, String> names(Collection<Npi> npis) {
		return this.providers.findAll(npis.stream().distinct().toList())
			.stream()
			.collect(Collectors.toMap((p) -> p.npi().value(), ProviderSummary::name, (a, b) -> a));
	}

	/** Members' names by member ID, for those on file. */
	Map<String, String> memberNames(Collection<MemberId> ids) {
		return ids.stream()
			.distinct()
			.map(this.members::find)
			.flatMap(java.util.Optional::stream)
			.collect(
					Collectors.toMap((m) -> m.id().toString(), (m) -> m.firstName() + " " + m.lastName(), (a, b) -> a));
	}

	java.util.Optional<MemberSummary> member(MemberId id) {
		return this.members.find(id);
	}

	/** A provider the user may choose to act for. */
	record Choice(String npi, String name) {

		public String label() {
			return (this.name != null) ? this.name + " (NPI " + this.npi + ")" : "NPI " + this.npi;
		}

	}

	static <T> Function<T, T> same() {
		return Function.identity();
	}

}
