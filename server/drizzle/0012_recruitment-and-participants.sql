CREATE TABLE "application_throttle" (
	"key" text PRIMARY KEY NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"count" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" uuid NOT NULL,
	"cohort_id" uuid,
	"number" text NOT NULL,
	"client_token" text,
	"receipt_token_hash" text,
	"form_kind" text NOT NULL,
	"channel" text NOT NULL,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"pesel" varchar(11),
	"no_pesel" boolean DEFAULT false NOT NULL,
	"other_id" text,
	"birth_date" date NOT NULL,
	"sex" char(1) NOT NULL,
	"citizenship" text DEFAULT 'polskie' NOT NULL,
	"teryt" varchar(7),
	"street" text,
	"postal_code" text,
	"city" text,
	"phone" text,
	"email" text,
	"education" text,
	"labour_status" text,
	"disability" text,
	"poverty_grounds" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"in_institution" boolean DEFAULT false NOT NULL,
	"institution_left_on" date,
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"consents" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"status" text DEFAULT 'zlozone' NOT NULL,
	"eligibility" jsonb,
	"score" integer,
	"missing_documents" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"decision_reason" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"entered_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "applications_sex_ck" CHECK ("applications"."sex" in ('K', 'M')),
	CONSTRAINT "applications_pesel_ck" CHECK ("applications"."pesel" is not null or "applications"."no_pesel")
);
--> statement-breakpoint
CREATE TABLE "degurba_units" (
	"teryt" varchar(7) PRIMARY KEY NOT NULL,
	"degurba" integer NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "degurba_units_ck" CHECK ("degurba_units"."degurba" in (1, 2, 3))
);
--> statement-breakpoint
CREATE TABLE "participants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"application_id" uuid,
	"cohort_id" uuid,
	"technical_id" text NOT NULL,
	"participant_type" text DEFAULT 'indywidualny' NOT NULL,
	"institution_name" text,
	"joined_on" date NOT NULL,
	"age_at_entry" integer NOT NULL,
	"sex" char(1) NOT NULL,
	"education" text NOT NULL,
	"citizenship" text DEFAULT 'polskie' NOT NULL,
	"country" text DEFAULT 'Polska' NOT NULL,
	"teryt" varchar(7),
	"city" text,
	"postal_code" text,
	"degurba" integer,
	"phone" text,
	"email" text,
	"labour_status" text NOT NULL,
	"labour_status_detail" text,
	"disability" text NOT NULL,
	"foreign_origin" text NOT NULL,
	"third_country" text NOT NULL,
	"minority" text NOT NULL,
	"homeless" text NOT NULL,
	"status" text DEFAULT 'aktywny' NOT NULL,
	"left_on" date,
	"exit_situation" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"completed_path" boolean,
	"exit_results" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"follow_up_due_on" date,
	"follow_up_on" date,
	"follow_up_result" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"contract_document_id" uuid,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "participants_sex_ck" CHECK ("participants"."sex" in ('K', 'M')),
	CONSTRAINT "participants_age_ck" CHECK ("participants"."age_at_entry" >= 0 and "participants"."age_at_entry" < 130),
	CONSTRAINT "participants_left_ck" CHECK ("participants"."left_on" is null or "participants"."left_on" >= "participants"."joined_on"),
	CONSTRAINT "participants_tristate_ck" CHECK ("participants"."disability" in ('tak', 'nie', 'odmowa') and "participants"."foreign_origin" in ('tak', 'nie', 'odmowa')
        and "participants"."third_country" in ('tak', 'nie', 'odmowa') and "participants"."minority" in ('tak', 'nie', 'odmowa')
        and "participants"."homeless" in ('tak', 'nie', 'odmowa'))
);
--> statement-breakpoint
CREATE TABLE "recruitment_calls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"regulations_document_id" uuid,
	"opens_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"places_total" integer NOT NULL,
	"form_kinds" jsonb DEFAULT '["wsparcie"]'::jsonb NOT NULL,
	"questions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"clauses" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'projekt' NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "recruitment_calls_dates_ck" CHECK ("recruitment_calls"."closes_at" > "recruitment_calls"."opens_at"),
	CONSTRAINT "recruitment_calls_places_ck" CHECK ("recruitment_calls"."places_total" >= 0)
);
--> statement-breakpoint
CREATE TABLE "recruitment_cohorts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" uuid NOT NULL,
	"name" text NOT NULL,
	"year" integer,
	"places" integer NOT NULL,
	"reserve_places" integer DEFAULT 0 NOT NULL,
	"eligibility_rules" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"scoring_criteria" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"tie_break" text DEFAULT 'kolejnosc_zgloszen' NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "recruitment_cohorts_places_ck" CHECK ("recruitment_cohorts"."places" >= 0 and "recruitment_cohorts"."reserve_places" >= 0)
);
--> statement-breakpoint
CREATE TABLE "session_attendance" (
	"session_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"present" boolean NOT NULL,
	"hours" numeric(6, 2) DEFAULT '0' NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "session_attendance_session_id_participant_id_pk" PRIMARY KEY("session_id","participant_id")
);
--> statement-breakpoint
CREATE TABLE "smefs_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"filename" text NOT NULL,
	"format" text NOT NULL,
	"status" text DEFAULT 'walidacja' NOT NULL,
	"row_count" integer DEFAULT 0 NOT NULL,
	"processed" integer DEFAULT 0 NOT NULL,
	"error_rows" integer DEFAULT 0 NOT NULL,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"result" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"payload" "bytea",
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "smefs_imports_format_ck" CHECK ("smefs_imports"."format" in ('csv', 'xlsx'))
);
--> statement-breakpoint
CREATE TABLE "support_activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"support_type_id" uuid,
	"name" text NOT NULL,
	"description" text,
	"place" text,
	"provider_institution_id" uuid,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"capacity" integer,
	"employer" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "support_activities_dates_ck" CHECK ("support_activities"."ends_on" is null or "support_activities"."ends_on" >= "support_activities"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "support_episodes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"activity_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"hours" numeric(8, 2),
	"stipend" bigint,
	"notes" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "support_episodes_dates_ck" CHECK ("support_episodes"."ends_on" is null or "support_episodes"."ends_on" >= "support_episodes"."starts_on"),
	CONSTRAINT "support_episodes_stipend_ck" CHECK ("support_episodes"."stipend" is null or "support_episodes"."stipend" >= 0)
);
--> statement-breakpoint
CREATE TABLE "support_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"activity_id" uuid NOT NULL,
	"date" date NOT NULL,
	"start_time" text,
	"hours" numeric(6, 2) NOT NULL,
	"topic" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_call_id_recruitment_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."recruitment_calls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_cohort_id_recruitment_cohorts_id_fk" FOREIGN KEY ("cohort_id") REFERENCES "public"."recruitment_cohorts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_teryt_territorial_units_teryt_fk" FOREIGN KEY ("teryt") REFERENCES "public"."territorial_units"("teryt") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_entered_by_users_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "degurba_units" ADD CONSTRAINT "degurba_units_teryt_territorial_units_teryt_fk" FOREIGN KEY ("teryt") REFERENCES "public"."territorial_units"("teryt") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participants" ADD CONSTRAINT "participants_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participants" ADD CONSTRAINT "participants_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participants" ADD CONSTRAINT "participants_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participants" ADD CONSTRAINT "participants_cohort_id_recruitment_cohorts_id_fk" FOREIGN KEY ("cohort_id") REFERENCES "public"."recruitment_cohorts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participants" ADD CONSTRAINT "participants_teryt_territorial_units_teryt_fk" FOREIGN KEY ("teryt") REFERENCES "public"."territorial_units"("teryt") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participants" ADD CONSTRAINT "participants_contract_document_id_documents_id_fk" FOREIGN KEY ("contract_document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participants" ADD CONSTRAINT "participants_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recruitment_calls" ADD CONSTRAINT "recruitment_calls_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recruitment_calls" ADD CONSTRAINT "recruitment_calls_regulations_document_id_documents_id_fk" FOREIGN KEY ("regulations_document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recruitment_calls" ADD CONSTRAINT "recruitment_calls_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recruitment_cohorts" ADD CONSTRAINT "recruitment_cohorts_call_id_recruitment_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."recruitment_calls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_attendance" ADD CONSTRAINT "session_attendance_session_id_support_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."support_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_attendance" ADD CONSTRAINT "session_attendance_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_attendance" ADD CONSTRAINT "session_attendance_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "smefs_imports" ADD CONSTRAINT "smefs_imports_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "smefs_imports" ADD CONSTRAINT "smefs_imports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_activities" ADD CONSTRAINT "support_activities_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_activities" ADD CONSTRAINT "support_activities_support_type_id_programme_nodes_id_fk" FOREIGN KEY ("support_type_id") REFERENCES "public"."programme_nodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_activities" ADD CONSTRAINT "support_activities_provider_institution_id_institutions_id_fk" FOREIGN KEY ("provider_institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_episodes" ADD CONSTRAINT "support_episodes_activity_id_support_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."support_activities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_episodes" ADD CONSTRAINT "support_episodes_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_sessions" ADD CONSTRAINT "support_sessions_activity_id_support_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."support_activities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "applications_number_uq" ON "applications" USING btree ("number");--> statement-breakpoint
CREATE UNIQUE INDEX "applications_client_token_uq" ON "applications" USING btree ("call_id","client_token") WHERE "applications"."client_token" is not null;--> statement-breakpoint
CREATE INDEX "applications_call_idx" ON "applications" USING btree ("call_id","status");--> statement-breakpoint
CREATE INDEX "applications_cohort_idx" ON "applications" USING btree ("cohort_id");--> statement-breakpoint
CREATE INDEX "applications_pesel_idx" ON "applications" USING btree ("pesel");--> statement-breakpoint
CREATE UNIQUE INDEX "participants_project_person_uq" ON "participants" USING btree ("project_id","person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "participants_technical_id_uq" ON "participants" USING btree ("project_id","technical_id");--> statement-breakpoint
CREATE INDEX "participants_person_idx" ON "participants" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "participants_project_status_idx" ON "participants" USING btree ("project_id","status");--> statement-breakpoint
CREATE INDEX "participants_follow_up_idx" ON "participants" USING btree ("follow_up_due_on") WHERE "participants"."follow_up_on" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "recruitment_calls_code_uq" ON "recruitment_calls" USING btree ("code");--> statement-breakpoint
CREATE INDEX "recruitment_calls_project_idx" ON "recruitment_calls" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "recruitment_cohorts_call_idx" ON "recruitment_cohorts" USING btree ("call_id","sort_order");--> statement-breakpoint
CREATE INDEX "session_attendance_participant_idx" ON "session_attendance" USING btree ("participant_id");--> statement-breakpoint
CREATE INDEX "smefs_imports_project_idx" ON "smefs_imports" USING btree ("project_id","created_at");--> statement-breakpoint
CREATE INDEX "support_activities_project_idx" ON "support_activities" USING btree ("project_id","kind");--> statement-breakpoint
CREATE INDEX "support_episodes_activity_idx" ON "support_episodes" USING btree ("activity_id","starts_on");--> statement-breakpoint
CREATE INDEX "support_episodes_participant_idx" ON "support_episodes" USING btree ("participant_id");--> statement-breakpoint
CREATE INDEX "support_sessions_activity_idx" ON "support_sessions" USING btree ("activity_id","date");