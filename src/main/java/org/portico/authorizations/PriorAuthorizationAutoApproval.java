package org.portico.authorizations;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * A prior authorization is approved at once when its smart sheet's criteria are met, no
 * document needs a reviewer's reading, and it asks for no more units and no longer a span
 * than the sheet allows without review. Anything else is pended for a clinical reviewer
 * with every reason that applies.
 */
public final class PriorAuthorizationAutoApproval {

	private PriorAuthorizationAutoApproval() {
	}

	public static AutomaticDecision decide(SmartSheet sheet, Answers answers, int units, LocalDate from, LocalDate to) {
		List<String> reasons = new ArrayList<>();
		if (!sheet.criteriaMet(answers)) {
			reasons.add("prior-auth.pend.criteria-not-met");
		}
		if (sheet.documentsNeeded()) {
			reasons.add("prior-auth.pend.documents");
		}
		if (units > sheet.maxUnits()) {
			reasons.add("prior-auth.pend.units");
		}
		if (ChronoUnit.DAYS.between(from, to) + 1 > sheet.validDays()) {
			reasons.add("prior-auth.pend.span");
		}
		return reasons.isEmpty() ? AutomaticDecision.approved() : AutomaticDecision.pended(reasons);
	}

}
