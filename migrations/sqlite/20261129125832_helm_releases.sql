-- Create "helm_releases" table
CREATE TABLE `helm_releases` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `key` text NOT NULL, `namespace` text NOT NULL, `name` text NOT NULL, `version` integer NOT NULL, `status` text NOT NULL DEFAULT (''), `owner` text NOT NULL DEFAULT ('helm'), `labels` json NOT NULL, `body` text NOT NULL, `created_at` datetime NOT NULL, `modified_at` datetime NOT NULL);
-- Set sequence for "helm_releases" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("helm_releases", 103079215104);
-- Create index "helm_releases_key_key" to table: "helm_releases"
CREATE UNIQUE INDEX `helm_releases_key_key` ON `helm_releases` (`key`);
-- Create index "helmrelease_namespace_name_version" to table: "helm_releases"
CREATE UNIQUE INDEX `helmrelease_namespace_name_version` ON `helm_releases` (`namespace`, `name`, `version`);
