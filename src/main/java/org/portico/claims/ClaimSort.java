package org.portico.claims;

import java.util.Arrays;
import java.util.Locale;

/**
 * The order of a list of claims: by a column, either way. Newest date of service first
 * unless asked otherwise.
 *
 * @param column the column sorted by
 * @param ascending whether smallest, earliest or first in the alphabet comes first
 */
public record ClaimSort(Column column, boolean ascending) {

	public static final ClaimSort NEWEST_FIRST = new ClaimSort(Column.SERVICE_DATE, false);

	/** The columns a list of claims can be sorted by, named as in addresses. */
	public enum Column {

		NUMBER, PATIENT, SERVICE_DATE, STATUS, BILLED, PAID;

		public String param() {
			return name().toLowerCase(Locale.ROOT).replace('_', '-');
		}

	}

	/**
	 * The sort named in an address, such as {@code billed} and {@code asc}; anything else
	 * is the default.
	 */
	public static ClaimSort parse(String column, String direction) {
		return Arrays.stream(Column.values())
			.filter((c) -> c.param().equals(column))
			.findFirst()
			.map((c) -> new ClaimSort(c, "asc".equals(direction)))
			.orElse(NEWEST_FIRST);
	}

	public String direction() {
		return this.ascending ? "asc" : "desc";
	}

	/**
	 * The sort a click on the column's header asks for: the other way round when already
	 * sorted by it, otherwise the column's natural first order.
	 */
	public ClaimSort toggled(Column by) {
		if (by == this.column) {
			return new ClaimSort(by, !this.ascending);
		}
		boolean ascendingFirst = by == Column.NUMBER || by == Column.PATIENT || by == Column.STATUS;
		return new ClaimSort(by, ascendingFirst);
	}

}
