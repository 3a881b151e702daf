package org.portico.members;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.portico.members.CarePlan.Goal;
import org.portico.members.CarePlan.GoalStatus;
import org.portico.members.CarePlan.Kind;
import org.portico.members.CarePlan.Role;
import org.portico.members.CarePlan.Service;
import org.portico.members.CarePlan.Status;
import org.portico.members.CarePlan.Summary;
import org.portico.members.CarePlan.TeamMember;
import org.portico.providers.Npi;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * A member's care plans. Callers check that the user may see them
 * ({@link TreatingRelationship}) and audit the view; this only reads.
 */
@org.springframework.stereotype.Service
@Transactional(readOnly = true)
public class CarePlans {

	/**
	 * The plan in force first, the whole plan of care before the others, newest first.
	 */
	private static final Comparator<Summary> LISTED = Comparator.comparing(Summary::status)
		.thenComparing(Summary::kind)
		.thenComparing(Comparator.comparingInt(Summary::version).reversed());

	private final JdbcClient jdbc;

	CarePlans(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Summary> of(MemberId member) {
		return this.jdbc.sql("""
				SELECT id, kind, version, status, signed_date, updated_date FROM members.care_plan
				WHERE subscriber_id = ? AND member_suffix = ?
				""")
			.params(member.subscriberId(), member.suffix())
			.query((rs, row) -> new Summary(rs.getLong(1), Kind.valueOf(rs.getString(2)), rs.getInt(3),
					Status.valueOf(rs.getString(4)), rs.getObject(5, LocalDate.class),
					rs.getObject(6, LocalDate.class)))
			.list()
			.stream()
			.sorted(LISTED)
			.toList();
	}

	/** The care plan with this number, when it is this member's. */
	public Optional<CarePlan> find(MemberId member, long id) {
		return this.jdbc.sql("""
				SELECT kind, version, status, assessed_date, signed_date, updated_date, next_review_date,
				       member_preferences
				FROM members.care_plan WHERE id = ? AND subscriber_id = ? AND member_suffix = ?
				""")
			.params(id, member.subscriberId(), member.suffix())
			.query((rs, row) -> new CarePlan(id, member, Kind.valueOf(rs.getString(1)), rs.getInt(2),
					Status.valueOf(rs.getString(3)), rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class),
					rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class), rs.getString(8), careTeam(id),
					goals(id), services(id)))
			.optional();
	}

	private List<TeamMember> careTeam(long id) {
		return this.jdbc.sql("""
				SELECT role, npi, name, phone FROM members.care_plan_team_member
				WHERE care_plan_id = ? ORDER BY ordinal
				""").param(id).query(CarePlans::teamMember).list();
	}

	private static TeamMember teamMember(ResultSet rs, int row) throws SQLException {
		String npi = rs.getString(2);
		return new TeamMember(Role.valueOf(rs.getString(1)), (npi != null) ? new Npi(npi) : null, rs.getString(3),
				rs.getString(4));
	}

	private List<Goal> goals(long id) {
		return this.jdbc.sql("""
				SELECT concern, goal, target_date, status FROM members.care_plan_goal
				WHERE care_plan_id = ? ORDER BY ordinal
				""")
			.param(id)
			.query((rs, row) -> new Goal(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class),
					GoalStatus.valueOf(rs.getString(4))))
			.list();
	}

	private List<Service> services(long id) {
		return this.jdbc.sql("""
				SELECT service, frequency, provided_by FROM members.care_plan_service
				WHERE care_plan_id = ? ORDER BY ordinal
				""")
			.param(id)
			.query((rs, row) -> new Service(rs.getString(1), rs.getString(2), rs.getString(3)))
			.list();
	}

}
