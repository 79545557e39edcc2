-- Disable the enforcement of foreign-keys constraints
PRAGMA foreign_keys = off;
-- Create "new_tasks" table
CREATE TABLE `new_tasks` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `title` text NOT NULL, `description` text NOT NULL DEFAULT (''), `priority` text NOT NULL DEFAULT ('normal'), `rank` text NOT NULL DEFAULT (''), `tags` json NULL, `deadline` datetime NULL, `chat_enabled` bool NOT NULL DEFAULT (true), `ai_auto_reply` bool NOT NULL DEFAULT (false), `project_id` integer NOT NULL, `stage_id` integer NOT NULL, `assignee_id` integer NULL, `workspace_id` integer NOT NULL, CONSTRAINT `tasks_projects_tasks` FOREIGN KEY (`project_id`) REFERENCES `projects` (`id`) ON DELETE NO ACTION, CONSTRAINT `tasks_task_stages_tasks` FOREIGN KEY (`stage_id`) REFERENCES `task_stages` (`id`) ON DELETE NO ACTION, CONSTRAINT `tasks_users_assigned_tasks` FOREIGN KEY (`assignee_id`) REFERENCES `users` (`id`) ON DELETE SET NULL, CONSTRAINT `tasks_workspaces_tasks` FOREIGN KEY (`workspace_id`) REFERENCES `workspaces` (`id`) ON DELETE NO ACTION);
-- Set sequence for "new_tasks" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("new_tasks", 77309411328);
-- Copy rows from old table "tasks" to new temporary table "new_tasks"
INSERT INTO `new_tasks` (`id`, `created_at`, `updated_at`, `title`, `description`, `priority`, `deadline`, `chat_enabled`, `ai_auto_reply`, `project_id`, `stage_id`, `assignee_id`, `workspace_id`) SELECT `id`, `created_at`, `updated_at`, `title`, `description`, `priority`, `deadline`, `chat_enabled`, `ai_auto_reply`, `project_id`, `stage_id`, `assignee_id`, `workspace_id` FROM `tasks`;
-- Drop "tasks" table after copying rows
DROP TABLE `tasks`;
-- Rename temporary table "new_tasks" to "tasks"
ALTER TABLE `new_tasks` RENAME TO `tasks`;
-- Create index "task_workspace_id" to table: "tasks"
CREATE INDEX `task_workspace_id` ON `tasks` (`workspace_id`);
-- Create index "task_stage_id_rank" to table: "tasks"
CREATE INDEX `task_stage_id_rank` ON `tasks` (`stage_id`, `rank`);
-- Enable back the enforcement of foreign-keys constraints
PRAGMA foreign_keys = on;
