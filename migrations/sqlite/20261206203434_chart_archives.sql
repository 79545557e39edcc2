-- Create "chart_archives" table
CREATE TABLE `chart_archives` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `digest` text NOT NULL, `name` text NOT NULL, `version` text NOT NULL, `size` integer NOT NULL, `data` blob NOT NULL, `uploaded_by` integer NULL, `created_at` datetime NOT NULL);
-- Set sequence for "chart_archives" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("chart_archives", 128849018880);
-- Create index "chart_archives_digest_key" to table: "chart_archives"
CREATE UNIQUE INDEX `chart_archives_digest_key` ON `chart_archives` (`digest`);
