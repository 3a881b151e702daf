package org.portico.members;

import java.time.LocalDate;
import java.util.List;

import org.portico.platform.SearchText;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finding a member the way the seeds describe, and only on an exact identifying match:
 * first and last name with the date of birth (case and accents ignored), the full member
 * ID, or the subscriber number for the family. No wildcards, no partial lists of
 * strangers.
 */
@Service
@Transactional(readOnly = true)
public class MemberSearch {

	private final JdbcClient jdbc;

	MemberSearch(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A member as a search lists them: enough to pick the right one, nothing more. */
	public record Match(MemberId id, String firstName, String lastName, LocalDate birthDate, String relationship) {

		public String name() {
			return this.firstName + " " + this.lastName;
		}

	}

	public List<Match> byNameAndBirthDate(String firstName, String lastName, LocalDate birthDate) {
		return this.jdbc.sql(SELECT + """
				WHERE search_last_name = ? AND search_first_name = ? AND birth_date = ?
				ORDER BY subscriber_id, member_suffix
				""")
			.params(SearchText.normalize(lastName), SearchText.normalize(firstName), birthDate)
			.query(MemberSearch::match)
			.list();
	}

	public List<Match> byMemberId(MemberId id) {
		return this.jdbc.sql(SELECT + "WHERE subscriber_id = ? AND member_suffix = ?")
			.params(id.subscriberId(), id.suffix())
			.query(MemberSearch::match)
			.list();
	}

	/** The subscriber's family, to pick the member from. */
	public List<Match> bySubscriber(String subscriberId) {
		return this.jdbc.sql(SELECT + "WHERE subscriber_id = ? ORDER BY member_suffix")
			.param(subscriberId)
			.query(MemberSearch::match)
			.list();
	}

	private static final String SELECT = """
			SELECT subscriber_id, member_suffix, first_name, last_name, birth_date, relationship FROM members.member
			""";

	private static Match match(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Match(new MemberId(rs.getString(1), rs.getString(2)), rs.getString(3), rs.getString(4),
				rs.getObject(5, LocalDate.class), rs.getString(6));
	}

}
