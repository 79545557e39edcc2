-- Modify "activity_events" table
ALTER TABLE "activity_events" ADD COLUMN "params" jsonb NULL;
