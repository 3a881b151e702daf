package org.portico.members;

import java.time.LocalDate;

/**
 * What other modules need to show about a member.
 *
 * @param id the member ID
 * @param firstName first name
 * @param lastName last name
 * @param birthDate date of birth
 */
public record MemberSummary(MemberId id, String firstName, String lastName, LocalDate birthDate) {
}
