-- Disable the enforcement of foreign-keys constraints
PRAGMA foreign_keys = off;
-- Create "new_app_templates" table
CREATE TABLE `new_app_templates` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `name` text NOT NULL, `slug` text NOT NULL, `description` text NOT NULL DEFAULT (''), `full_description` text NOT NULL DEFAULT (''), `category` text NOT NULL, `tags` json NOT NULL, `icon` text NOT NULL DEFAULT (''), `monthly_price` real NOT NULL DEFAULT (0), `documentation_url` text NOT NULL DEFAULT (''), `chart_ref` text NOT NULL, `chart_repo_url` text NOT NULL DEFAULT (''), `chart_version` text NOT NULL DEFAULT (''), `default_values` json NOT NULL, `value_specs` json NOT NULL, `default_port` integer NOT NULL DEFAULT (80), `ingress_enabled` bool NOT NULL DEFAULT (false), `min_vcpu` real NOT NULL DEFAULT (0), `min_ram_gb` real NOT NULL DEFAULT (0), `min_storage_gb` real NOT NULL DEFAULT (0), `active` bool NOT NULL DEFAULT (true), `search_text` text NOT NULL DEFAULT (''));
-- Set sequence for "new_app_templates" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("new_app_templates", 21474836480);
-- Copy rows from old table "app_templates" to new temporary table "new_app_templates"
INSERT INTO `new_app_templates` (`id`, `created_at`, `updated_at`, `name`, `slug`, `description`, `full_description`, `category`, `tags`, `icon`, `monthly_price`, `documentation_url`, `chart_ref`, `chart_repo_url`, `chart_version`, `default_values`, `value_specs`, `default_port`, `ingress_enabled`, `min_vcpu`, `min_ram_gb`, `min_storage_gb`, `active`) SELECT `id`, `created_at`, `updated_at`, `name`, `slug`, `description`, `full_description`, `category`, `tags`, `icon`, `monthly_price`, `documentation_url`, `chart_ref`, `chart_repo_url`, `chart_version`, `default_values`, `value_specs`, `default_port`, `ingress_enabled`, `min_vcpu`, `min_ram_gb`, `min_storage_gb`, `active` FROM `app_templates`;
-- Drop "app_templates" table after copying rows
DROP TABLE `app_templates`;
-- Rename temporary table "new_app_templates" to "app_templates"
ALTER TABLE `new_app_templates` RENAME TO `app_templates`;
-- Create index "app_templates_slug_key" to table: "app_templates"
CREATE UNIQUE INDEX `app_templates_slug_key` ON `app_templates` (`slug`);
-- Create "event_payloads" table
CREATE TABLE `event_payloads` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `topic` text NOT NULL, `data` blob NOT NULL, `created_at` datetime NOT NULL);
-- Set sequence for "event_payloads" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("event_payloads", 98784247808);
-- Create index "eventpayload_created_at" to table: "event_payloads"
CREATE INDEX `eventpayload_created_at` ON `event_payloads` (`created_at`);
-- Enable back the enforcement of foreign-keys constraints
PRAGMA foreign_keys = on;
