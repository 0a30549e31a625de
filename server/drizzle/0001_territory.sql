CREATE TABLE "seed_runs" (
	"name" text PRIMARY KEY NOT NULL,
	"version" text NOT NULL,
	"ran_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "territorial_units" (
	"teryt" varchar(7) PRIMARY KEY NOT NULL,
	"level" text NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"name_full" text NOT NULL,
	"name_search" text NOT NULL,
	"city_with_powiat_rights" boolean DEFAULT false NOT NULL,
	"powiat_teryt" varchar(4),
	"woj_teryt" varchar(2) NOT NULL,
	"population" integer,
	"has_geometry" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"stan_na" date,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "territorial_units_level_check" CHECK ("territorial_units"."level" in ('wojewodztwo', 'powiat', 'gmina'))
);
--> statement-breakpoint
CREATE INDEX "territorial_units_name_trgm" ON "territorial_units" USING gin ("name_search" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "territorial_units_powiat_idx" ON "territorial_units" USING btree ("powiat_teryt");--> statement-breakpoint
CREATE INDEX "territorial_units_woj_level_idx" ON "territorial_units" USING btree ("woj_teryt","level");