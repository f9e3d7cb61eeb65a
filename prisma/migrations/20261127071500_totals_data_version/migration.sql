-- A counter that moves whenever a record behind a generation's totals changes.
-- Cached totals are keyed by it, so a dashboard never shows numbers older than the last write.
-- A sequence, not a row, so concurrent writers never wait on each other.
CREATE SEQUENCE "totals_data_version";

-- The body is an E'' string with \x3b for its semicolons: the offline schema engine splits migrations on every semicolon.
CREATE FUNCTION "bump_totals_data_version"() RETURNS trigger LANGUAGE plpgsql
AS E'BEGIN PERFORM nextval(''totals_data_version'')\x3b RETURN NULL\x3b END';

CREATE TRIGGER "attendance_bumps_totals" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "attendance" FOR EACH STATEMENT EXECUTE FUNCTION "bump_totals_data_version"();
CREATE TRIGGER "enrollments_bump_totals" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "enrollments" FOR EACH STATEMENT EXECUTE FUNCTION "bump_totals_data_version"();
CREATE TRIGGER "sessions_bump_totals" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "sessions" FOR EACH STATEMENT EXECUTE FUNCTION "bump_totals_data_version"();
CREATE TRIGGER "session_networks_bump_totals" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "session_networks" FOR EACH STATEMENT EXECUTE FUNCTION "bump_totals_data_version"();
CREATE TRIGGER "workshops_bump_totals" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "workshops" FOR EACH STATEMENT EXECUTE FUNCTION "bump_totals_data_version"();
CREATE TRIGGER "people_bump_totals" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "people" FOR EACH STATEMENT EXECUTE FUNCTION "bump_totals_data_version"();
CREATE TRIGGER "organizations_bump_totals" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "organizations" FOR EACH STATEMENT EXECUTE FUNCTION "bump_totals_data_version"();
CREATE TRIGGER "networks_bump_totals" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "networks" FOR EACH STATEMENT EXECUTE FUNCTION "bump_totals_data_version"();
CREATE TRIGGER "generation_networks_bump_totals" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "generation_networks" FOR EACH STATEMENT EXECUTE FUNCTION "bump_totals_data_version"();
CREATE TRIGGER "generations_bump_totals" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "generations" FOR EACH STATEMENT EXECUTE FUNCTION "bump_totals_data_version"();
