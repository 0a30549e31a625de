CREATE TABLE "indicator_definitions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text,
	"name" text NOT NULL,
	"definition" text,
	"unit" text NOT NULL,
	"type" text NOT NULL,
	"counting" text DEFAULT 'zdarzenia' NOT NULL,
	"breakdowns" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"measurement" text DEFAULT 'na_dzien' NOT NULL,
	"scope" text NOT NULL,
	"programme_node_id" uuid,
	"project_id" uuid,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicator_values" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_indicator_id" uuid NOT NULL,
	"measured_on" date NOT NULL,
	"value" numeric(16, 4) NOT NULL,
	"numerator" numeric(16, 4),
	"denominator" numeric(16, 4),
	"breakdown" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"origin" text NOT NULL,
	"source_note" text,
	"evidence_document_id" uuid,
	"supersedes_id" uuid,
	"entered_by" uuid,
	"entered_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "programme_nodes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"parent_id" uuid,
	"kind" text NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"rules" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"period" text,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_budget_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"task_id" uuid NOT NULL,
	"name" text NOT NULL,
	"category" text DEFAULT 'inne' NOT NULL,
	"amount" bigint NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "budget_line_amount_ck" CHECK ("project_budget_lines"."amount" >= 0)
);
--> statement-breakpoint
CREATE TABLE "project_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	"kind" text DEFAULT 'inny' NOT NULL,
	"title" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"definition_id" uuid NOT NULL,
	"baseline" numeric(16, 4) DEFAULT '0' NOT NULL,
	"target" numeric(16, 4) NOT NULL,
	"target_breakdown" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"source" text NOT NULL,
	"metric_key" text,
	"metric_params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"current_value" numeric(16, 4),
	"current_on" date,
	"achieved_bp" integer GENERATED ALWAYS AS (case when current_value is null then null
        when target = baseline then (case when current_value >= target then 10000 else 0 end)
        else greatest(0, round((current_value - baseline) * 10000 / (target - baseline)))::int end) STORED,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "project_indicators_source_ck" CHECK (("project_indicators"."source" = 'manual' and "project_indicators"."metric_key" is null) or ("project_indicators"."source" = 'metric' and "project_indicators"."metric_key" is not null))
);
--> statement-breakpoint
CREATE TABLE "project_milestones" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"due_on" date NOT NULL,
	"achieved_on" date,
	"status" text DEFAULT 'planowany' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_partners" (
	"project_id" uuid NOT NULL,
	"institution_id" uuid NOT NULL,
	"role" text DEFAULT 'partner' NOT NULL,
	"budget_share" bigint DEFAULT 0 NOT NULL,
	"description" text,
	CONSTRAINT "project_partners_project_id_institution_id_pk" PRIMARY KEY("project_id","institution_id")
);
--> statement-breakpoint
CREATE TABLE "project_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"starts_on" date,
	"ends_on" date,
	"institution_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_team" (
	"project_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" text DEFAULT 'czlonek' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "project_team_project_id_user_id_pk" PRIMARY KEY("project_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "projects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"title" text NOT NULL,
	"short_title" text,
	"programme_node_id" uuid NOT NULL,
	"leader_institution_id" uuid NOT NULL,
	"status" text DEFAULT 'realizacja' NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"goals" text,
	"description" text,
	"target_groups" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"total_value" bigint NOT NULL,
	"eligible_costs" bigint NOT NULL,
	"eu_funding" bigint DEFAULT 0 NOT NULL,
	"state_budget" bigint DEFAULT 0 NOT NULL,
	"targeted_subsidy" bigint DEFAULT 0 NOT NULL,
	"own_contribution" bigint DEFAULT 0 NOT NULL,
	"call_number" text,
	"call_rank" integer,
	"call_total" integer,
	"call_result" text,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "projects_period_ck" CHECK ("projects"."ends_on" >= "projects"."starts_on"),
	CONSTRAINT "projects_money_ck" CHECK ("projects"."total_value" >= 0 and "projects"."eligible_costs" >= 0 and "projects"."eligible_costs" <= "projects"."total_value"
        and "projects"."eu_funding" >= 0 and "projects"."state_budget" >= 0 and "projects"."targeted_subsidy" >= 0 and "projects"."own_contribution" >= 0)
);
--> statement-breakpoint
CREATE TABLE "reported_values" (
	"period_id" uuid NOT NULL,
	"project_indicator_id" uuid NOT NULL,
	"value" numeric(16, 4) NOT NULL,
	"numerator" numeric(16, 4),
	"denominator" numeric(16, 4),
	"breakdown" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "reported_values_period_id_project_indicator_id_pk" PRIMARY KEY("period_id","project_indicator_id")
);
--> statement-breakpoint
CREATE TABLE "reporting_periods" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"status" text DEFAULT 'otwarty' NOT NULL,
	"frozen_at" timestamp with time zone,
	"frozen_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reporting_periods_range_ck" CHECK ("reporting_periods"."ends_on" >= "reporting_periods"."starts_on")
);
--> statement-breakpoint
ALTER TABLE "indicator_definitions" ADD CONSTRAINT "indicator_definitions_programme_node_id_programme_nodes_id_fk" FOREIGN KEY ("programme_node_id") REFERENCES "public"."programme_nodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_definitions" ADD CONSTRAINT "indicator_definitions_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_project_indicator_id_project_indicators_id_fk" FOREIGN KEY ("project_indicator_id") REFERENCES "public"."project_indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_evidence_document_id_documents_id_fk" FOREIGN KEY ("evidence_document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_entered_by_users_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_nodes" ADD CONSTRAINT "programme_nodes_parent_id_programme_nodes_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."programme_nodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_budget_lines" ADD CONSTRAINT "project_budget_lines_task_id_project_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."project_tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_documents" ADD CONSTRAINT "project_documents_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_documents" ADD CONSTRAINT "project_documents_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_indicators" ADD CONSTRAINT "project_indicators_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_indicators" ADD CONSTRAINT "project_indicators_definition_id_indicator_definitions_id_fk" FOREIGN KEY ("definition_id") REFERENCES "public"."indicator_definitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_milestones" ADD CONSTRAINT "project_milestones_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_partners" ADD CONSTRAINT "project_partners_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_partners" ADD CONSTRAINT "project_partners_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_tasks" ADD CONSTRAINT "project_tasks_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_tasks" ADD CONSTRAINT "project_tasks_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_team" ADD CONSTRAINT "project_team_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_team" ADD CONSTRAINT "project_team_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_programme_node_id_programme_nodes_id_fk" FOREIGN KEY ("programme_node_id") REFERENCES "public"."programme_nodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_leader_institution_id_institutions_id_fk" FOREIGN KEY ("leader_institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reported_values" ADD CONSTRAINT "reported_values_period_id_reporting_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."reporting_periods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reported_values" ADD CONSTRAINT "reported_values_project_indicator_id_project_indicators_id_fk" FOREIGN KEY ("project_indicator_id") REFERENCES "public"."project_indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reporting_periods" ADD CONSTRAINT "reporting_periods_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reporting_periods" ADD CONSTRAINT "reporting_periods_frozen_by_users_id_fk" FOREIGN KEY ("frozen_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "indicator_definitions_code_uq" ON "indicator_definitions" USING btree ("code") WHERE "indicator_definitions"."code" is not null and "indicator_definitions"."project_id" is null;--> statement-breakpoint
CREATE INDEX "indicator_definitions_project_idx" ON "indicator_definitions" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "indicator_values_indicator_idx" ON "indicator_values" USING btree ("project_indicator_id","measured_on");--> statement-breakpoint
CREATE INDEX "programme_nodes_parent_idx" ON "programme_nodes" USING btree ("parent_id","sort_order");--> statement-breakpoint
CREATE UNIQUE INDEX "programme_nodes_sibling_code_uq" ON "programme_nodes" USING btree (coalesce("parent_id"::text, ''),"code");--> statement-breakpoint
CREATE INDEX "project_budget_lines_task_idx" ON "project_budget_lines" USING btree ("task_id");--> statement-breakpoint
CREATE INDEX "project_documents_project_idx" ON "project_documents" USING btree ("project_id");--> statement-breakpoint
CREATE UNIQUE INDEX "project_indicators_uq" ON "project_indicators" USING btree ("project_id","definition_id");--> statement-breakpoint
CREATE INDEX "project_milestones_project_idx" ON "project_milestones" USING btree ("project_id","due_on");--> statement-breakpoint
CREATE INDEX "project_partners_institution_idx" ON "project_partners" USING btree ("institution_id");--> statement-breakpoint
CREATE UNIQUE INDEX "project_tasks_number_uq" ON "project_tasks" USING btree ("project_id","number");--> statement-breakpoint
CREATE INDEX "project_team_user_idx" ON "project_team" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "projects_number_uq" ON "projects" USING btree ("number");--> statement-breakpoint
CREATE INDEX "projects_leader_idx" ON "projects" USING btree ("leader_institution_id");--> statement-breakpoint
CREATE INDEX "projects_programme_idx" ON "projects" USING btree ("programme_node_id");--> statement-breakpoint
CREATE INDEX "projects_status_idx" ON "projects" USING btree ("status");--> statement-breakpoint
CREATE INDEX "reporting_periods_project_idx" ON "reporting_periods" USING btree ("project_id","starts_on");