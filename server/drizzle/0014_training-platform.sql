CREATE TABLE "training_attendance" (
	"session_id" uuid NOT NULL,
	"registration_id" uuid NOT NULL,
	"present" boolean NOT NULL,
	"marked_by" uuid,
	"marked_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_attendance_session_id_registration_id_pk" PRIMARY KEY("session_id","registration_id")
);
--> statement-breakpoint
CREATE TABLE "training_certificates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"registration_id" uuid NOT NULL,
	"code" text NOT NULL,
	"issued_on" date NOT NULL,
	"issued_by" uuid,
	"revoked_on" date,
	"revoked_reason" text,
	"revoked_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_editions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"training_id" uuid NOT NULL,
	"name" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"mode" text NOT NULL,
	"place" text,
	"online_url" text,
	"capacity" integer NOT NULL,
	"registration_closes_on" date,
	"requires_approval" boolean DEFAULT true NOT NULL,
	"status" text DEFAULT 'planowana' NOT NULL,
	"reminded_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_editions_dates_ck" CHECK ("training_editions"."ends_on" >= "training_editions"."starts_on"),
	CONSTRAINT "training_editions_capacity_ck" CHECK ("training_editions"."capacity" > 0),
	CONSTRAINT "training_editions_status_ck" CHECK ("training_editions"."status" in ('planowana', 'odwolana'))
);
--> statement-breakpoint
CREATE TABLE "training_learners" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid,
	"institution_id" uuid NOT NULL,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"email" text,
	"position" text,
	"sex" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_learners_sex_ck" CHECK ("training_learners"."sex" in ('k', 'm', 'n'))
);
--> statement-breakpoint
CREATE TABLE "training_lesson_progress" (
	"lesson_id" uuid NOT NULL,
	"learner_id" uuid NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone,
	CONSTRAINT "training_lesson_progress_lesson_id_learner_id_pk" PRIMARY KEY("lesson_id","learner_id")
);
--> statement-breakpoint
CREATE TABLE "training_lessons" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"training_id" uuid NOT NULL,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"body" text,
	"video_url" text,
	"alt_text" text,
	"document_id" uuid,
	"position" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_lessons_kind_ck" CHECK ("training_lessons"."kind" in ('tekst', 'obraz', 'wideo', 'plik'))
);
--> statement-breakpoint
CREATE TABLE "training_questions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"training_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"text" text NOT NULL,
	"options" jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_questions_kind_ck" CHECK ("training_questions"."kind" in ('jednokrotny', 'wielokrotny'))
);
--> statement-breakpoint
CREATE TABLE "training_registrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"edition_id" uuid NOT NULL,
	"learner_id" uuid NOT NULL,
	"status" text NOT NULL,
	"registered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"registered_by" uuid NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	"reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_registrations_status_ck" CHECK ("training_registrations"."status" in ('do_akceptacji', 'potwierdzona', 'rezerwowa', 'odrzucona', 'wycofana'))
);
--> statement-breakpoint
CREATE TABLE "training_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"edition_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"starts_at" time NOT NULL,
	"ends_at" time NOT NULL,
	"topic" text
);
--> statement-breakpoint
CREATE TABLE "training_test_attempts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"registration_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"answers" jsonb,
	"points" integer,
	"max_points" integer,
	"percent" integer NOT NULL,
	"passed" boolean NOT NULL,
	"taken_on" date NOT NULL,
	"recorded_by" uuid,
	"on_paper" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_test_attempts_kind_ck" CHECK ("training_test_attempts"."kind" in ('wstepny', 'koncowy'))
);
--> statement-breakpoint
CREATE TABLE "trainings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organiser_institution_id" uuid NOT NULL,
	"title" text NOT NULL,
	"form" text NOT NULL,
	"topic" text NOT NULL,
	"description" text,
	"target_staff" text[] DEFAULT '{}'::text[] NOT NULL,
	"hours" numeric(5, 1) NOT NULL,
	"trainers" text[] DEFAULT '{}'::text[] NOT NULL,
	"project_id" uuid,
	"pass_threshold" integer DEFAULT 70 NOT NULL,
	"issues_certificate" boolean DEFAULT true NOT NULL,
	"min_attendance_percent" integer DEFAULT 80 NOT NULL,
	"status" text DEFAULT 'szkic' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "trainings_status_ck" CHECK ("trainings"."status" in ('szkic', 'opublikowane', 'zarchiwizowane')),
	CONSTRAINT "trainings_pass_ck" CHECK ("trainings"."pass_threshold" between 1 and 100)
);
--> statement-breakpoint
ALTER TABLE "training_attendance" ADD CONSTRAINT "training_attendance_session_id_training_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."training_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_attendance" ADD CONSTRAINT "training_attendance_registration_id_training_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."training_registrations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_attendance" ADD CONSTRAINT "training_attendance_marked_by_users_id_fk" FOREIGN KEY ("marked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_certificates" ADD CONSTRAINT "training_certificates_registration_id_training_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."training_registrations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_certificates" ADD CONSTRAINT "training_certificates_issued_by_users_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_certificates" ADD CONSTRAINT "training_certificates_revoked_by_users_id_fk" FOREIGN KEY ("revoked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_editions" ADD CONSTRAINT "training_editions_training_id_trainings_id_fk" FOREIGN KEY ("training_id") REFERENCES "public"."trainings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_learners" ADD CONSTRAINT "training_learners_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_learners" ADD CONSTRAINT "training_learners_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_lesson_progress" ADD CONSTRAINT "training_lesson_progress_lesson_id_training_lessons_id_fk" FOREIGN KEY ("lesson_id") REFERENCES "public"."training_lessons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_lesson_progress" ADD CONSTRAINT "training_lesson_progress_learner_id_training_learners_id_fk" FOREIGN KEY ("learner_id") REFERENCES "public"."training_learners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_lessons" ADD CONSTRAINT "training_lessons_training_id_trainings_id_fk" FOREIGN KEY ("training_id") REFERENCES "public"."trainings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_lessons" ADD CONSTRAINT "training_lessons_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_questions" ADD CONSTRAINT "training_questions_training_id_trainings_id_fk" FOREIGN KEY ("training_id") REFERENCES "public"."trainings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_registrations" ADD CONSTRAINT "training_registrations_edition_id_training_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."training_editions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_registrations" ADD CONSTRAINT "training_registrations_learner_id_training_learners_id_fk" FOREIGN KEY ("learner_id") REFERENCES "public"."training_learners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_registrations" ADD CONSTRAINT "training_registrations_registered_by_users_id_fk" FOREIGN KEY ("registered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_registrations" ADD CONSTRAINT "training_registrations_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_edition_id_training_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."training_editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_test_attempts" ADD CONSTRAINT "training_test_attempts_registration_id_training_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."training_registrations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_test_attempts" ADD CONSTRAINT "training_test_attempts_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trainings" ADD CONSTRAINT "trainings_organiser_institution_id_institutions_id_fk" FOREIGN KEY ("organiser_institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trainings" ADD CONSTRAINT "trainings_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trainings" ADD CONSTRAINT "trainings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "training_attendance_registration_idx" ON "training_attendance" USING btree ("registration_id");--> statement-breakpoint
CREATE UNIQUE INDEX "training_certificates_code_uq" ON "training_certificates" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "training_certificates_registration_uq" ON "training_certificates" USING btree ("registration_id");--> statement-breakpoint
CREATE INDEX "training_editions_training_idx" ON "training_editions" USING btree ("training_id","starts_on");--> statement-breakpoint
CREATE UNIQUE INDEX "training_learners_user_institution_uq" ON "training_learners" USING btree ("user_id","institution_id") WHERE "training_learners"."user_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "training_learners_email_institution_uq" ON "training_learners" USING btree (lower("email"),"institution_id") WHERE "training_learners"."email" is not null;--> statement-breakpoint
CREATE INDEX "training_learners_institution_idx" ON "training_learners" USING btree ("institution_id");--> statement-breakpoint
CREATE INDEX "training_lesson_progress_learner_idx" ON "training_lesson_progress" USING btree ("learner_id");--> statement-breakpoint
CREATE INDEX "training_lessons_training_idx" ON "training_lessons" USING btree ("training_id","position");--> statement-breakpoint
CREATE INDEX "training_questions_training_idx" ON "training_questions" USING btree ("training_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "training_registrations_learner_uq" ON "training_registrations" USING btree ("edition_id","learner_id");--> statement-breakpoint
CREATE INDEX "training_registrations_learner_idx" ON "training_registrations" USING btree ("learner_id");--> statement-breakpoint
CREATE INDEX "training_registrations_status_idx" ON "training_registrations" USING btree ("edition_id","status","registered_at");--> statement-breakpoint
CREATE INDEX "training_sessions_edition_idx" ON "training_sessions" USING btree ("edition_id","held_on");--> statement-breakpoint
CREATE INDEX "training_test_attempts_registration_idx" ON "training_test_attempts" USING btree ("registration_id","kind");--> statement-breakpoint
CREATE INDEX "trainings_organiser_idx" ON "trainings" USING btree ("organiser_institution_id");--> statement-breakpoint
CREATE INDEX "trainings_project_idx" ON "trainings" USING btree ("project_id");