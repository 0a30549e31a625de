ALTER TABLE "consents" DROP CONSTRAINT "consents_signed_scan_id_documents_id_fk";
--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_signed_scan_id_attachments_id_fk" FOREIGN KEY ("signed_scan_id") REFERENCES "public"."attachments"("id") ON DELETE no action ON UPDATE no action;