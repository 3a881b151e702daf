package org.portico.authorizations;

import java.util.List;

/**
 * What the rules of a request's kind decided at submission: approved as asked, or pended
 * for a clinical reviewer with the reasons.
 */
public sealed interface AutomaticDecision {

	static AutomaticDecision approved() {
		return new Approved();
	}

	static AutomaticDecision pended(List<String> reasonKeys) {
		return new Pended(List.copyOf(reasonKeys));
	}

	record Approved() implements AutomaticDecision {
	}

	/**
	 * @param reasonKeys message keys saying why, at least one
	 */
	record Pended(List<String> reasonKeys) implements AutomaticDecision {

		public Pended {
			if (reasonKeys.isEmpty()) {
				throw new IllegalArgumentException("A pended request says why");
			}
		}

	}

}
