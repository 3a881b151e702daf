package org.portico.authorizations;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.portico.members.Eligibility;
import org.portico.members.EligibilityReport.Benefit;
import org.portico.members.EligibilityReport.Coverage;
import org.portico.members.MemberId;

import org.springframework.stereotype.Service;

/**
 * Which services need prior authorization for which products: every service with a smart
 * sheet, required for a member when their product on the date needs it, either because
 * the sheet names the product's line of business or because the product's benefit for the
 * service's category says so. Callers check access and audit.
 */
@Service
public class ServiceCatalogue {

	private final SmartSheets sheets;

	private final Eligibility eligibility;

	ServiceCatalogue(SmartSheets sheets, Eligibility eligibility) {
		this.sheets = sheets;
		this.eligibility = eligibility;
	}

	/** The answer to "Is authorization required?". */
	public enum Requirement {

		/** Prior authorization is required before the service. */
		REQUIRED,

		/** The service is covered without prior authorization. */
		NOT_REQUIRED,

		/** The member's product does not cover the service in network. */
		SERVICE_NOT_COVERED,

		/** The member has no coverage on the date. */
		MEMBER_NOT_COVERED

	}

	/**
	 * The answer for a member, a service and a date.
	 *
	 * @param requirement the answer
	 * @param sheet the service
	 * @param coverage the member's coverage on the date, when covered
	 * @param byLineOfBusiness whether the service is required for every product of the
	 * line, rather than by the product's benefit
	 */
	public record Check(Requirement requirement, SmartSheet sheet, Optional<Coverage> coverage,
			boolean byLineOfBusiness) {
	}

	public List<SmartSheet> services() {
		return this.sheets.all();
	}

	public Optional<SmartSheet> service(String code) {
		return this.sheets.find(code);
	}

	public Check check(MemberId member, SmartSheet service, LocalDate date) {
		Optional<Coverage> coverage = this.eligibility.coverageOn(member, date);
		if (coverage.isEmpty()) {
			return new Check(Requirement.MEMBER_NOT_COVERED, service, coverage, false);
		}
		Coverage c = coverage.get();
		Benefit benefit = this.eligibility.inNetworkBenefit(c.productCode(), service.category());
		if (!benefit.covered()) {
			return new Check(Requirement.SERVICE_NOT_COVERED, service, coverage, false);
		}
		if (service.requiredFor().contains(c.lineOfBusiness())) {
			return new Check(Requirement.REQUIRED, service, coverage, true);
		}
		if (service.requiredFor().isEmpty() && benefit.priorAuthorizationRequired()) {
			return new Check(Requirement.REQUIRED, service, coverage, false);
		}
		return new Check(Requirement.NOT_REQUIRED, service, coverage, !service.requiredFor().isEmpty());
	}

}
