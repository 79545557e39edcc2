-- Disable the enforcement of foreign-keys constraints
PRAGMA foreign_keys = off;
-- Create "new_users" table
CREATE TABLE `new_users` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `email` text NOT NULL, `name` text NOT NULL DEFAULT (''), `password_hash` text NOT NULL, `email_verified_at` datetime NULL, `platform_admin` bool NOT NULL DEFAULT (false), `disabled` bool NOT NULL DEFAULT (false), `locale` text NOT NULL DEFAULT (''), `last_login_at` datetime NULL);
-- Set sequence for "new_users" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("new_users", 85899345920);
-- Copy rows from old table "users" to new temporary table "new_users"
INSERT INTO `new_users` (`id`, `created_at`, `updated_at`, `email`, `name`, `password_hash`, `email_verified_at`, `platform_admin`, `disabled`, `last_login_at`) SELECT `id`, `created_at`, `updated_at`, `email`, `name`, `password_hash`, `email_verified_at`, `platform_admin`, `disabled`, `last_login_at` FROM `users`;
-- Drop "users" table after copying rows
DROP TABLE `users`;
-- Rename temporary table "new_users" to "users"
ALTER TABLE `new_users` RENAME TO `users`;
-- Create index "users_email_key" to table: "users"
CREATE UNIQUE INDEX `users_email_key` ON `users` (`email`);
-- Enable back the enforcement of foreign-keys constraints
PRAGMA foreign_keys = on;
