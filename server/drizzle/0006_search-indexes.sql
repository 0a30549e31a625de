-- btree_gin lets one GIN index hold the institution (uuid) and the trigrams of the name, so a search
-- within an institution does not read the candidates of every other institution.
CREATE EXTENSION IF NOT EXISTS btree_gin;
--> statement-breakpoint
DROP INDEX "persons_name_trgm_idx";--> statement-breakpoint
CREATE INDEX "households_created_by_idx" ON "households" USING btree ("created_by");--> statement-breakpoint
CREATE INDEX "persons_institution_name_trgm_idx" ON "persons" USING gin ("institution_id","name_search" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "persons_created_by_idx" ON "persons" USING btree ("created_by");