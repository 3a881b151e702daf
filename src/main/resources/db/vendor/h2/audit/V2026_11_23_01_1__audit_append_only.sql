CREATE TRIGGER audit_event_append_only BEFORE UPDATE, DELETE ON audit.audit_event
	FOR EACH ROW CALL 'org.portico.audit.AppendOnlyTrigger';
