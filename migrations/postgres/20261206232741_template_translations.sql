-- Modify "app_templates" table
ALTER TABLE "app_templates" ADD COLUMN "translations" jsonb NOT NULL DEFAULT '[]';
