CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"action" text NOT NULL,
	"outcome" text DEFAULT 'success' NOT NULL,
	"user_id" text,
	"institution_id" text,
	"role" text,
	"ip" "inet",
	"user_agent" text,
	"request_id" text,
	"record_type" text,
	"record_id" text,
	"changes" jsonb,
	"details" jsonb
);
--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_log_record_idx" ON "audit_log" USING btree ("record_type","record_id","at");--> statement-breakpoint
CREATE INDEX "audit_log_user_idx" ON "audit_log" USING btree ("user_id","at");--> statement-breakpoint
CREATE INDEX "audit_log_institution_idx" ON "audit_log" USING btree ("institution_id","at");--> statement-breakpoint
-- Append-only: the database itself refuses changes and deletions of audit entries. The one exception
-- is retention pruning (prune_audit_log), which deletes only entries older than the retention period,
-- never less than 2 years, and announces itself with a transaction-local setting.
CREATE OR REPLACE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND current_setting('kooperacja.audit_prune', true) = 'on'
     AND OLD.at < now() - make_interval(years => 2) THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
--> statement-breakpoint
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_log_refuse_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: TRUNCATE is not allowed' USING ERRCODE = 'insufficient_privilege';
END $$;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_truncate();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION prune_audit_log(retention_years integer) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE n bigint;
BEGIN
  IF retention_years < 2 THEN
    RAISE EXCEPTION 'audit retention is at least 2 years (asked: %)', retention_years;
  END IF;
  PERFORM set_config('kooperacja.audit_prune', 'on', true);
  DELETE FROM audit_log WHERE at < now() - make_interval(years => retention_years);
  GET DIAGNOSTICS n = ROW_COUNT;
  PERFORM set_config('kooperacja.audit_prune', 'off', true);
  RETURN n;
END $$;
