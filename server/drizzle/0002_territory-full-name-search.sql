ALTER TABLE "territorial_units" ADD COLUMN "name_full_search" text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX "territorial_units_name_full_trgm" ON "territorial_units" USING gin ("name_full_search" gin_trgm_ops);--> statement-breakpoint
UPDATE "territorial_units" SET "name_full_search" = search_text("name_full");
