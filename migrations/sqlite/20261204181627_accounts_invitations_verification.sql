-- Disable the enforcement of foreign-keys constraints
PRAGMA foreign_keys = off;
-- Create "new_invitations" table
CREATE TABLE `new_invitations` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `email` text NOT NULL, `role` text NOT NULL, `token_hash` text NOT NULL, `invited_by_id` integer NULL, `expires_at` datetime NOT NULL, `accepted_at` datetime NULL, `declined_at` datetime NULL, `cancelled_at` datetime NULL, `user_id` integer NULL, `workspace_id` integer NOT NULL, CONSTRAINT `invitations_users_invitations` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE SET NULL, CONSTRAINT `invitations_workspaces_invitations` FOREIGN KEY (`workspace_id`) REFERENCES `workspaces` (`id`) ON DELETE NO ACTION);
-- Set sequence for "new_invitations" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("new_invitations", 25769803776);
-- Copy rows from old table "invitations" to new temporary table "new_invitations"
INSERT INTO `new_invitations` (`id`, `created_at`, `updated_at`, `email`, `role`, `token_hash`, `invited_by_id`, `expires_at`, `accepted_at`, `workspace_id`) SELECT `id`, `created_at`, `updated_at`, `email`, `role`, `token_hash`, `invited_by_id`, `expires_at`, `accepted_at`, `workspace_id` FROM `invitations`;
-- Drop "invitations" table after copying rows
DROP TABLE `invitations`;
-- Rename temporary table "new_invitations" to "invitations"
ALTER TABLE `new_invitations` RENAME TO `invitations`;
-- Create index "invitations_token_hash_key" to table: "invitations"
CREATE UNIQUE INDEX `invitations_token_hash_key` ON `invitations` (`token_hash`);
-- Create index "invitation_workspace_id" to table: "invitations"
CREATE INDEX `invitation_workspace_id` ON `invitations` (`workspace_id`);
-- Create index "invitation_email" to table: "invitations"
CREATE INDEX `invitation_email` ON `invitations` (`email`);
-- Create index "invitation_user_id" to table: "invitations"
CREATE INDEX `invitation_user_id` ON `invitations` (`user_id`);
-- Add column "email_verified_at" to table: "users"
ALTER TABLE `users` ADD COLUMN `email_verified_at` datetime NULL;
-- Create "email_verifications" table
CREATE TABLE `email_verifications` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `token_hash` text NOT NULL, `email` text NOT NULL, `created_at` datetime NOT NULL, `expires_at` datetime NOT NULL, `used_at` datetime NULL, `user_id` integer NOT NULL, CONSTRAINT `email_verifications_users_email_verifications` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE NO ACTION);
-- Set sequence for "email_verifications" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("email_verifications", 111669149696);
-- Create index "email_verifications_token_hash_key" to table: "email_verifications"
CREATE UNIQUE INDEX `email_verifications_token_hash_key` ON `email_verifications` (`token_hash`);
-- Create "password_resets" table
CREATE TABLE `password_resets` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `token_hash` text NOT NULL, `created_at` datetime NOT NULL, `expires_at` datetime NOT NULL, `used_at` datetime NULL, `user_id` integer NOT NULL, CONSTRAINT `password_resets_users_password_resets` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE NO ACTION);
-- Set sequence for "password_resets" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("password_resets", 107374182400);
-- Create index "password_resets_token_hash_key" to table: "password_resets"
CREATE UNIQUE INDEX `password_resets_token_hash_key` ON `password_resets` (`token_hash`);
-- Enable back the enforcement of foreign-keys constraints
PRAGMA foreign_keys = on;
