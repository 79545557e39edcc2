-- Create "platform_settings" table
CREATE TABLE `platform_settings` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `key` text NOT NULL, `value` text NOT NULL);
-- Set sequence for "platform_settings" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("platform_settings", 124554051584);
-- Create index "platform_settings_key_key" to table: "platform_settings"
CREATE UNIQUE INDEX `platform_settings_key_key` ON `platform_settings` (`key`);
