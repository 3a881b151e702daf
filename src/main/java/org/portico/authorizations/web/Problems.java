package org.portico.authorizations.web;

import java.util.List;

/**
 * A form's problems as its template reads them: all of them for the summary, and those of
 * one field to show under it and to mark it invalid.
 */
record Problems(List<Problem> all) {

	Problems {
		all = List.copyOf(all);
	}

	public boolean isEmpty() {
		return this.all.isEmpty();
	}

	public List<Problem> on(String field) {
		return this.all.stream().filter((p) -> field.equals(p.field())).toList();
	}

	public boolean has(String field) {
		return this.all.stream().anyMatch((p) -> field.equals(p.field()));
	}

	/**
	 * The ids a field is described by: its hint when it has one, and its problems when it
	 * has any.
	 */
	public String describedBy(String field, boolean hint) {
		String ids = (hint ? field + "-hint" : "") + (has(field) ? " " + field + "-problems" : "");
		return ids.isBlank() ? null : ids.strip();
	}

}
