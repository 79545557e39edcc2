-- Modify "tasks" table
ALTER TABLE "tasks" DROP COLUMN "sequence", ADD COLUMN "rank" character varying NOT NULL DEFAULT '', ADD COLUMN "tags" jsonb NULL;
-- Create index "task_stage_id_rank" to table: "tasks"
CREATE INDEX "task_stage_id_rank" ON "tasks" ("stage_id", "rank");
