package org.portico.members;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The members module's facade: what other modules may ask about members. Callers check
 * access and record the view in the audit trail; this facade only reads.
 */
@Service
@Transactional(readOnly = true)
public class MemberApi {

	private final JdbcClient jdbc;

	MemberApi(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<MemberSummary> find(MemberId id) {
		return this.jdbc.sql("""
				SELECT first_name, last_name, birth_date FROM members.member
				WHERE subscriber_id = ? AND member_suffix = ?
				""")
			.params(id.subscriberId(), id.suffix())
			.query((rs, row) -> new MemberSummary(id, rs.getString(1), rs.getString(2),
					rs.getObject(3, java.time.LocalDate.class)))
			.optional();
	}

	/** Whether any member is on file: a fresh database has none. */
	public boolean anyMemberOnFile() {
		return this.jdbc.sql("SELECT COUNT(*) FROM (SELECT 1 FROM members.member FETCH FIRST 1 ROWS ONLY) m")
			.query(Long.class)
			.single() > 0;
	}

}
