-- The audit log is append-only (lib/audit/record-audit-event.ts): no row is ever changed or removed, by the app
-- or by a mistaken script. The one change allowed is the database's own: a deleted user's id set to null
-- (ON DELETE SET NULL), everything else equal. Production also connects the app as a role without UPDATE or
-- DELETE on this table (README, production deployment).
-- The body is an E'' string with \x3b for its semicolons: the offline schema engine splits migrations on every semicolon.
CREATE FUNCTION "audit_events_append_only"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF TG_OP = ''UPDATE'' AND NEW."actorId" IS NULL
     AND (NEW.id, NEW.action, NEW."targetType", NEW."targetId", NEW.data, NEW."createdAt")
         IS NOT DISTINCT FROM (OLD.id, OLD.action, OLD."targetType", OLD."targetId", OLD.data, OLD."createdAt") THEN
    RETURN NEW\x3b
  END IF\x3b
  RAISE EXCEPTION ''audit_events is append-only (%)'', TG_OP USING ERRCODE = ''42501''\x3b
END';
CREATE TRIGGER "audit_events_no_update" BEFORE UPDATE OR DELETE ON "audit_events" FOR EACH ROW EXECUTE FUNCTION "audit_events_append_only"();
CREATE TRIGGER "audit_events_no_truncate" BEFORE TRUNCATE ON "audit_events" FOR EACH STATEMENT EXECUTE FUNCTION "audit_events_append_only"();
