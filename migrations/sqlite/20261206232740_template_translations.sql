-- Add column "translations" to table: "app_templates"
ALTER TABLE `app_templates` ADD COLUMN `translations` json NOT NULL DEFAULT '[]';
