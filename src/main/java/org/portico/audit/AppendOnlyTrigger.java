package org.portico.audit;

import java.sql.Connection;
import java.sql.SQLException;

import org.h2.api.Trigger;

/**
 * On the embedded H2 database, refuses to update or delete audit rows, as the PostgreSQL
 * trigger does in production.
 */
public class AppendOnlyTrigger implements Trigger {

	@Override
	public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
		throw new SQLException("The audit trail is append-only");
	}

}
