-- Modify "ai_messages" table
ALTER TABLE "ai_messages" ADD COLUMN "updated_at" timestamptz NOT NULL, ADD COLUMN "attempt" bigint NOT NULL DEFAULT 0;
-- Create index "aimessage_status_updated_at" to table: "ai_messages"
CREATE INDEX "aimessage_status_updated_at" ON "ai_messages" ("status", "updated_at");
