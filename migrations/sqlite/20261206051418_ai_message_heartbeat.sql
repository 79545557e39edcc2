-- Disable the enforcement of foreign-keys constraints
PRAGMA foreign_keys = off;
-- Create "new_ai_messages" table
CREATE TABLE `new_ai_messages` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `role` text NOT NULL, `content` text NOT NULL DEFAULT (''), `status` text NOT NULL DEFAULT ('complete'), `error` text NOT NULL DEFAULT (''), `prompt_tokens` integer NOT NULL DEFAULT (0), `completion_tokens` integer NOT NULL DEFAULT (0), `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `attempt` integer NOT NULL DEFAULT (0), `author_agent_id` integer NULL, `thread_id` integer NOT NULL, `author_user_id` integer NULL, `workspace_id` integer NOT NULL, CONSTRAINT `ai_messages_ai_agents_messages` FOREIGN KEY (`author_agent_id`) REFERENCES `ai_agents` (`id`) ON DELETE SET NULL, CONSTRAINT `ai_messages_ai_threads_messages` FOREIGN KEY (`thread_id`) REFERENCES `ai_threads` (`id`) ON DELETE NO ACTION, CONSTRAINT `ai_messages_users_messages` FOREIGN KEY (`author_user_id`) REFERENCES `users` (`id`) ON DELETE SET NULL, CONSTRAINT `ai_messages_workspaces_ai_messages` FOREIGN KEY (`workspace_id`) REFERENCES `workspaces` (`id`) ON DELETE NO ACTION);
-- Set sequence for "new_ai_messages" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("new_ai_messages", 4294967296);
-- Copy rows from old table "ai_messages" to new temporary table "new_ai_messages"
INSERT INTO `new_ai_messages` (`id`, `role`, `content`, `status`, `error`, `prompt_tokens`, `completion_tokens`, `created_at`, `author_agent_id`, `thread_id`, `author_user_id`, `workspace_id`) SELECT `id`, `role`, `content`, `status`, `error`, `prompt_tokens`, `completion_tokens`, `created_at`, `author_agent_id`, `thread_id`, `author_user_id`, `workspace_id` FROM `ai_messages`;
-- Drop "ai_messages" table after copying rows
DROP TABLE `ai_messages`;
-- Rename temporary table "new_ai_messages" to "ai_messages"
ALTER TABLE `new_ai_messages` RENAME TO `ai_messages`;
-- Create index "aimessage_workspace_id" to table: "ai_messages"
CREATE INDEX `aimessage_workspace_id` ON `ai_messages` (`workspace_id`);
-- Create index "aimessage_thread_id_created_at" to table: "ai_messages"
CREATE INDEX `aimessage_thread_id_created_at` ON `ai_messages` (`thread_id`, `created_at`);
-- Create index "aimessage_status_updated_at" to table: "ai_messages"
CREATE INDEX `aimessage_status_updated_at` ON `ai_messages` (`status`, `updated_at`);
-- Enable back the enforcement of foreign-keys constraints
PRAGMA foreign_keys = on;
