CREATE TABLE "region_jst" (
	"teryt" varchar(7) PRIMARY KEY NOT NULL,
	"lpdi_status" text DEFAULT 'brak' NOT NULL,
	"lpdi_preparation_started_on" date,
	"lpdi_resolution_number" text,
	"lpdi_adopted_on" date,
	"lpdi_updated_on" date,
	"lpdi_period_from" integer,
	"lpdi_period_to" integer,
	"lpdi_planned_services" text[] DEFAULT '{}'::text[] NOT NULL,
	"cus_exists" boolean,
	"cus_mode" text,
	"cus_created_on" date,
	"cus_programme_adopted_on" date,
	"cus_last_diagnosis_on" date,
	"cus_ipus_open" integer,
	"cus_ipus_closed" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "region_jst_lpdi_status_ck" CHECK ("region_jst"."lpdi_status" in ('brak', 'w_przygotowaniu', 'przyjety', 'zaktualizowany')),
	CONSTRAINT "region_jst_cus_mode_ck" CHECK ("region_jst"."cus_mode" is null or "region_jst"."cus_mode" in ('przeksztalcenie_ops', 'nowa_jednostka', 'porozumienie_miedzygminne'))
);
--> statement-breakpoint
CREATE TABLE "region_jst_history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"teryt" varchar(7) NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"changed_by" uuid,
	"before" jsonb,
	"after" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "region_jst" ADD CONSTRAINT "region_jst_teryt_territorial_units_teryt_fk" FOREIGN KEY ("teryt") REFERENCES "public"."territorial_units"("teryt") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "region_jst" ADD CONSTRAINT "region_jst_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "region_jst_history" ADD CONSTRAINT "region_jst_history_teryt_territorial_units_teryt_fk" FOREIGN KEY ("teryt") REFERENCES "public"."territorial_units"("teryt") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "region_jst_history" ADD CONSTRAINT "region_jst_history_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "region_jst_history_teryt_idx" ON "region_jst_history" USING btree ("teryt","changed_at");--> statement-breakpoint
-- Append-only history of the JST register: the database refuses changes and deletions of its rows
-- (like audit_log in 0003, without a retention path: the history is the register's own record).
CREATE OR REPLACE FUNCTION region_jst_history_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'region_jst_history is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
--> statement-breakpoint
CREATE TRIGGER region_jst_history_append_only BEFORE UPDATE OR DELETE ON region_jst_history
  FOR EACH ROW EXECUTE FUNCTION region_jst_history_refuse_change();
--> statement-breakpoint
CREATE TRIGGER region_jst_history_no_truncate BEFORE TRUNCATE ON region_jst_history
  FOR EACH STATEMENT EXECUTE FUNCTION region_jst_history_refuse_change();
