-- Add column "params" to table: "activity_events"
ALTER TABLE `activity_events` ADD COLUMN `params` json NULL;
