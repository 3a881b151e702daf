package org.portico.claims;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.portico.members.MemberId;
import org.portico.providers.Npi;

/**
 * One page of the claims a search found, among those the user may see.
 *
 * @param claims the claims on this page
 * @param sort their order
 * @param page the page number, from 1
 * @param pageSize claims per page
 * @param listed how many claims are listed over all pages, at most
 * {@link ClaimInquiry#LISTED}
 * @param more whether more claims matched than are listed: the newest are listed
 */
public record ClaimPage(List<Row> claims, ClaimSort sort, int page, int pageSize, int listed, boolean more) {

	public ClaimPage {
		claims = List.copyOf(claims);
	}

	public int pages() {
		return Math.max(1, (this.listed + this.pageSize - 1) / this.pageSize);
	}

	/** The position of the page's first claim among those listed, from 1. */
	public int first() {
		return this.claims.isEmpty() ? 0 : (this.page - 1) * this.pageSize + 1;
	}

	public int last() {
		return (this.page - 1) * this.pageSize + this.claims.size();
	}

	public boolean hasPrevious() {
		return this.page > 1;
	}

	public boolean hasNext() {
		return this.page < pages();
	}

	/** A claim as a list shows it. */
	public record Row(ClaimNumber number, String patientFirstName, String patientLastName, MemberId member,
			LocalDate serviceFrom, LocalDate serviceTo, Npi billingNpi, Npi renderingNpi, Npi payeeNpi,
			ClaimStatus status, ClaimStatusCategory category, BigDecimal billed, BigDecimal paid) {

		public String patientName() {
			return this.patientFirstName + " " + this.patientLastName;
		}

	}

}
