-- Add column "last_used_at" to table: "oauth_tokens"
ALTER TABLE `oauth_tokens` ADD COLUMN `last_used_at` datetime NULL;
-- Drop index "oauthtoken_user_id" from table: "oauth_tokens"
DROP INDEX `oauthtoken_user_id`;
-- Create index "oauthtoken_user_id_client_id" to table: "oauth_tokens"
CREATE INDEX `oauthtoken_user_id_client_id` ON `oauth_tokens` (`user_id`, `client_id`);
-- Create index "oauthtoken_authorization_code_id" to table: "oauth_tokens"
CREATE INDEX `oauthtoken_authorization_code_id` ON `oauth_tokens` (`authorization_code_id`);
-- Create "oauth_grants" table
CREATE TABLE `oauth_grants` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `scopes` json NOT NULL, `created_at` datetime NOT NULL, `last_used_at` datetime NULL, `client_id` integer NOT NULL, `user_id` integer NOT NULL, CONSTRAINT `oauth_grants_oauth_clients_grants` FOREIGN KEY (`client_id`) REFERENCES `oauth_clients` (`id`) ON DELETE NO ACTION, CONSTRAINT `oauth_grants_users_oauth_grants` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE NO ACTION);
-- Set sequence for "oauth_grants" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("oauth_grants", 115964116992);
-- Create index "oauthgrant_user_id_client_id" to table: "oauth_grants"
CREATE UNIQUE INDEX `oauthgrant_user_id_client_id` ON `oauth_grants` (`user_id`, `client_id`);
