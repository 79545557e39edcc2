-- Disable the enforcement of foreign-keys constraints
PRAGMA foreign_keys = off;
-- Create "new_services" table
CREATE TABLE `new_services` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `name` text NOT NULL, `reference_id` uuid NOT NULL, `state` text NOT NULL DEFAULT ('pending'), `error_message` text NOT NULL DEFAULT (''), `error_detail` text NOT NULL DEFAULT (''), `subdomain` text NOT NULL, `custom_domain` text NULL, `internal_port` integer NOT NULL DEFAULT (0), `release_name` text NOT NULL, `namespace` text NOT NULL, `user_values` json NOT NULL, `secret_values` blob NULL, `replica_counts` json NULL, `chart_version` text NOT NULL DEFAULT (''), `helm_revision` integer NOT NULL DEFAULT (0), `state_deadline` datetime NULL, `deployed_at` datetime NULL, `last_upgraded_at` datetime NULL, `template_id` integer NOT NULL, `workspace_id` integer NOT NULL, CONSTRAINT `services_app_templates_services` FOREIGN KEY (`template_id`) REFERENCES `app_templates` (`id`) ON DELETE NO ACTION, CONSTRAINT `services_workspaces_services` FOREIGN KEY (`workspace_id`) REFERENCES `workspaces` (`id`) ON DELETE NO ACTION);
-- Set sequence for "new_services" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("new_services", 51539607552);
-- Copy rows from old table "services" to new temporary table "new_services"
INSERT INTO `new_services` (`id`, `created_at`, `updated_at`, `name`, `reference_id`, `state`, `error_message`, `subdomain`, `custom_domain`, `internal_port`, `release_name`, `namespace`, `user_values`, `secret_values`, `replica_counts`, `chart_version`, `helm_revision`, `state_deadline`, `deployed_at`, `last_upgraded_at`, `template_id`, `workspace_id`) SELECT `id`, `created_at`, `updated_at`, `name`, `reference_id`, `state`, `error_message`, `subdomain`, `custom_domain`, `internal_port`, `release_name`, `namespace`, `user_values`, `secret_values`, `replica_counts`, `chart_version`, `helm_revision`, `state_deadline`, `deployed_at`, `last_upgraded_at`, `template_id`, `workspace_id` FROM `services`;
-- Drop "services" table after copying rows
DROP TABLE `services`;
-- Rename temporary table "new_services" to "services"
ALTER TABLE `new_services` RENAME TO `services`;
-- Create index "services_reference_id_key" to table: "services"
CREATE UNIQUE INDEX `services_reference_id_key` ON `services` (`reference_id`);
-- Create index "services_subdomain_key" to table: "services"
CREATE UNIQUE INDEX `services_subdomain_key` ON `services` (`subdomain`);
-- Create index "service_workspace_id" to table: "services"
CREATE INDEX `service_workspace_id` ON `services` (`workspace_id`);
-- Enable back the enforcement of foreign-keys constraints
PRAGMA foreign_keys = on;
