-- Create "ai_agents" table
CREATE TABLE `ai_agents` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `handle` text NOT NULL, `display_name` text NOT NULL, `description` text NOT NULL DEFAULT (''), `system_prompt` text NOT NULL DEFAULT (''), `model` text NOT NULL DEFAULT (''), `temperature` real NULL, `avatar_color` text NOT NULL DEFAULT (''), `is_default` bool NOT NULL DEFAULT (false), `active` bool NOT NULL DEFAULT (true), `provider_id` integer NULL, CONSTRAINT `ai_agents_ai_providers_agents` FOREIGN KEY (`provider_id`) REFERENCES `ai_providers` (`id`) ON DELETE SET NULL);
-- Create index "ai_agents_handle_key" to table: "ai_agents"
CREATE UNIQUE INDEX `ai_agents_handle_key` ON `ai_agents` (`handle`);
-- Create "ai_messages" table
CREATE TABLE `ai_messages` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `role` text NOT NULL, `content` text NOT NULL DEFAULT (''), `status` text NOT NULL DEFAULT ('complete'), `error` text NOT NULL DEFAULT (''), `prompt_tokens` integer NOT NULL DEFAULT (0), `completion_tokens` integer NOT NULL DEFAULT (0), `created_at` datetime NOT NULL, `author_agent_id` integer NULL, `thread_id` integer NOT NULL, `author_user_id` integer NULL, `workspace_id` integer NOT NULL, CONSTRAINT `ai_messages_ai_agents_messages` FOREIGN KEY (`author_agent_id`) REFERENCES `ai_agents` (`id`) ON DELETE SET NULL, CONSTRAINT `ai_messages_ai_threads_messages` FOREIGN KEY (`thread_id`) REFERENCES `ai_threads` (`id`) ON DELETE NO ACTION, CONSTRAINT `ai_messages_users_messages` FOREIGN KEY (`author_user_id`) REFERENCES `users` (`id`) ON DELETE SET NULL, CONSTRAINT `ai_messages_workspaces_ai_messages` FOREIGN KEY (`workspace_id`) REFERENCES `workspaces` (`id`) ON DELETE NO ACTION);
-- Set sequence for "ai_messages" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("ai_messages", 4294967296);
-- Create index "aimessage_workspace_id" to table: "ai_messages"
CREATE INDEX `aimessage_workspace_id` ON `ai_messages` (`workspace_id`);
-- Create index "aimessage_thread_id_created_at" to table: "ai_messages"
CREATE INDEX `aimessage_thread_id_created_at` ON `ai_messages` (`thread_id`, `created_at`);
-- Create "ai_providers" table
CREATE TABLE `ai_providers` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `name` text NOT NULL, `base_url` text NOT NULL, `api_key` blob NULL, `default_model` text NOT NULL DEFAULT (''), `max_tokens` integer NOT NULL DEFAULT (2048), `temperature` real NOT NULL DEFAULT (0.7), `active` bool NOT NULL DEFAULT (true));
-- Set sequence for "ai_providers" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("ai_providers", 8589934592);
-- Create "ai_threads" table
CREATE TABLE `ai_threads` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `title` text NOT NULL DEFAULT (''), `auto_reply` bool NOT NULL DEFAULT (false), `default_agent_id` integer NULL, `task_id` integer NULL, `created_by_id` integer NULL, `workspace_id` integer NOT NULL, CONSTRAINT `ai_threads_ai_agents_default_threads` FOREIGN KEY (`default_agent_id`) REFERENCES `ai_agents` (`id`) ON DELETE SET NULL, CONSTRAINT `ai_threads_tasks_thread` FOREIGN KEY (`task_id`) REFERENCES `tasks` (`id`) ON DELETE SET NULL, CONSTRAINT `ai_threads_users_threads_created` FOREIGN KEY (`created_by_id`) REFERENCES `users` (`id`) ON DELETE SET NULL, CONSTRAINT `ai_threads_workspaces_ai_threads` FOREIGN KEY (`workspace_id`) REFERENCES `workspaces` (`id`) ON DELETE NO ACTION);
-- Set sequence for "ai_threads" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("ai_threads", 12884901888);
-- Create index "ai_threads_task_id_key" to table: "ai_threads"
CREATE UNIQUE INDEX `ai_threads_task_id_key` ON `ai_threads` (`task_id`);
-- Create index "aithread_workspace_id" to table: "ai_threads"
CREATE INDEX `aithread_workspace_id` ON `ai_threads` (`workspace_id`);
-- Create "activity_events" table
CREATE TABLE `activity_events` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `verb` text NOT NULL, `subject_type` text NOT NULL DEFAULT (''), `subject_id` integer NULL, `summary` text NOT NULL, `created_at` datetime NOT NULL, `actor_id` integer NULL, `workspace_id` integer NOT NULL, CONSTRAINT `activity_events_users_activities` FOREIGN KEY (`actor_id`) REFERENCES `users` (`id`) ON DELETE SET NULL, CONSTRAINT `activity_events_workspaces_activity_events` FOREIGN KEY (`workspace_id`) REFERENCES `workspaces` (`id`) ON DELETE NO ACTION);
-- Set sequence for "activity_events" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("activity_events", 17179869184);
-- Create index "activityevent_workspace_id" to table: "activity_events"
CREATE INDEX `activityevent_workspace_id` ON `activity_events` (`workspace_id`);
-- Create index "activityevent_workspace_id_created_at" to table: "activity_events"
CREATE INDEX `activityevent_workspace_id_created_at` ON `activity_events` (`workspace_id`, `created_at`);
-- Create "app_templates" table
CREATE TABLE `app_templates` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `name` text NOT NULL, `slug` text NOT NULL, `description` text NOT NULL DEFAULT (''), `full_description` text NOT NULL DEFAULT (''), `category` text NOT NULL, `tags` json NOT NULL, `icon` text NOT NULL DEFAULT (''), `monthly_price` real NOT NULL DEFAULT (0), `documentation_url` text NOT NULL DEFAULT (''), `chart_ref` text NOT NULL, `chart_repo_url` text NOT NULL DEFAULT (''), `chart_version` text NOT NULL DEFAULT (''), `default_values` json NOT NULL, `value_specs` json NOT NULL, `default_port` integer NOT NULL DEFAULT (80), `ingress_enabled` bool NOT NULL DEFAULT (false), `min_vcpu` real NOT NULL DEFAULT (0), `min_ram_gb` real NOT NULL DEFAULT (0), `min_storage_gb` real NOT NULL DEFAULT (0), `active` bool NOT NULL DEFAULT (true));
-- Set sequence for "app_templates" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("app_templates", 21474836480);
-- Create index "app_templates_slug_key" to table: "app_templates"
CREATE UNIQUE INDEX `app_templates_slug_key` ON `app_templates` (`slug`);
-- Create "invitations" table
CREATE TABLE `invitations` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `email` text NOT NULL, `role` text NOT NULL, `token_hash` text NOT NULL, `invited_by_id` integer NULL, `expires_at` datetime NOT NULL, `accepted_at` datetime NULL, `workspace_id` integer NOT NULL, CONSTRAINT `invitations_workspaces_invitations` FOREIGN KEY (`workspace_id`) REFERENCES `workspaces` (`id`) ON DELETE NO ACTION);
-- Set sequence for "invitations" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("invitations", 25769803776);
-- Create index "invitations_token_hash_key" to table: "invitations"
CREATE UNIQUE INDEX `invitations_token_hash_key` ON `invitations` (`token_hash`);
-- Create index "invitation_workspace_id" to table: "invitations"
CREATE INDEX `invitation_workspace_id` ON `invitations` (`workspace_id`);
-- Create index "invitation_email" to table: "invitations"
CREATE INDEX `invitation_email` ON `invitations` (`email`);
-- Create "oauth_authorization_codes" table
CREATE TABLE `oauth_authorization_codes` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `code_hash` text NOT NULL, `redirect_uri` text NOT NULL, `scopes` json NOT NULL, `code_challenge` text NOT NULL DEFAULT (''), `code_challenge_method` text NOT NULL DEFAULT (''), `created_at` datetime NOT NULL, `expires_at` datetime NOT NULL, `used_at` datetime NULL, `client_id` integer NOT NULL, `user_id` integer NOT NULL, CONSTRAINT `oauth_authorization_codes_oauth_clients_codes` FOREIGN KEY (`client_id`) REFERENCES `oauth_clients` (`id`) ON DELETE NO ACTION, CONSTRAINT `oauth_authorization_codes_users_oauth_codes` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE NO ACTION);
-- Set sequence for "oauth_authorization_codes" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("oauth_authorization_codes", 30064771072);
-- Create index "oauth_authorization_codes_code_hash_key" to table: "oauth_authorization_codes"
CREATE UNIQUE INDEX `oauth_authorization_codes_code_hash_key` ON `oauth_authorization_codes` (`code_hash`);
-- Create "oauth_clients" table
CREATE TABLE `oauth_clients` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `client_id` text NOT NULL, `secret_hash` text NULL, `name` text NOT NULL, `redirect_uris` json NOT NULL, `allowed_scopes` json NOT NULL, `grant_types` json NOT NULL, `public` bool NOT NULL DEFAULT (false), `owner_id` integer NULL, CONSTRAINT `oauth_clients_users_oauth_clients` FOREIGN KEY (`owner_id`) REFERENCES `users` (`id`) ON DELETE SET NULL);
-- Set sequence for "oauth_clients" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("oauth_clients", 34359738368);
-- Create index "oauth_clients_client_id_key" to table: "oauth_clients"
CREATE UNIQUE INDEX `oauth_clients_client_id_key` ON `oauth_clients` (`client_id`);
-- Create "oauth_device_codes" table
CREATE TABLE `oauth_device_codes` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `device_code_hash` text NOT NULL, `user_code` text NOT NULL, `scopes` json NOT NULL, `created_at` datetime NOT NULL, `expires_at` datetime NOT NULL, `interval` integer NOT NULL DEFAULT (5), `last_polled_at` datetime NULL, `status` text NOT NULL DEFAULT ('pending'), `client_id` integer NOT NULL, `user_id` integer NULL, CONSTRAINT `oauth_device_codes_oauth_clients_device_codes` FOREIGN KEY (`client_id`) REFERENCES `oauth_clients` (`id`) ON DELETE NO ACTION, CONSTRAINT `oauth_device_codes_users_device_approvals` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE SET NULL);
-- Set sequence for "oauth_device_codes" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("oauth_device_codes", 38654705664);
-- Create index "oauth_device_codes_device_code_hash_key" to table: "oauth_device_codes"
CREATE UNIQUE INDEX `oauth_device_codes_device_code_hash_key` ON `oauth_device_codes` (`device_code_hash`);
-- Create index "oauth_device_codes_user_code_key" to table: "oauth_device_codes"
CREATE UNIQUE INDEX `oauth_device_codes_user_code_key` ON `oauth_device_codes` (`user_code`);
-- Create "oauth_tokens" table
CREATE TABLE `oauth_tokens` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `access_hash` text NOT NULL, `refresh_hash` text NULL, `scopes` json NOT NULL, `family` text NOT NULL, `authorization_code_id` integer NULL, `created_at` datetime NOT NULL, `access_expires_at` datetime NOT NULL, `refresh_expires_at` datetime NULL, `refresh_used_at` datetime NULL, `revoked_at` datetime NULL, `client_id` integer NOT NULL, `user_id` integer NULL, CONSTRAINT `oauth_tokens_oauth_clients_tokens` FOREIGN KEY (`client_id`) REFERENCES `oauth_clients` (`id`) ON DELETE NO ACTION, CONSTRAINT `oauth_tokens_users_oauth_tokens` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE SET NULL);
-- Set sequence for "oauth_tokens" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("oauth_tokens", 42949672960);
-- Create index "oauth_tokens_access_hash_key" to table: "oauth_tokens"
CREATE UNIQUE INDEX `oauth_tokens_access_hash_key` ON `oauth_tokens` (`access_hash`);
-- Create index "oauth_tokens_refresh_hash_key" to table: "oauth_tokens"
CREATE UNIQUE INDEX `oauth_tokens_refresh_hash_key` ON `oauth_tokens` (`refresh_hash`);
-- Create index "oauthtoken_family" to table: "oauth_tokens"
CREATE INDEX `oauthtoken_family` ON `oauth_tokens` (`family`);
-- Create index "oauthtoken_user_id" to table: "oauth_tokens"
CREATE INDEX `oauthtoken_user_id` ON `oauth_tokens` (`user_id`);
-- Create "projects" table
CREATE TABLE `projects` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `name` text NOT NULL, `description` text NOT NULL DEFAULT (''), `service_id` integer NULL, `workspace_id` integer NOT NULL, CONSTRAINT `projects_services_support_project` FOREIGN KEY (`service_id`) REFERENCES `services` (`id`) ON DELETE SET NULL, CONSTRAINT `projects_workspaces_projects` FOREIGN KEY (`workspace_id`) REFERENCES `workspaces` (`id`) ON DELETE NO ACTION);
-- Set sequence for "projects" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("projects", 47244640256);
-- Create index "projects_service_id_key" to table: "projects"
CREATE UNIQUE INDEX `projects_service_id_key` ON `projects` (`service_id`);
-- Create index "project_workspace_id" to table: "projects"
CREATE INDEX `project_workspace_id` ON `projects` (`workspace_id`);
-- Create "services" table
CREATE TABLE `services` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `name` text NOT NULL, `reference_id` uuid NOT NULL, `state` text NOT NULL DEFAULT ('pending'), `error_message` text NOT NULL DEFAULT (''), `subdomain` text NOT NULL, `custom_domain` text NULL, `internal_port` integer NOT NULL DEFAULT (0), `release_name` text NOT NULL, `namespace` text NOT NULL, `user_values` json NOT NULL, `secret_values` blob NULL, `replica_counts` json NULL, `chart_version` text NOT NULL DEFAULT (''), `helm_revision` integer NOT NULL DEFAULT (0), `state_deadline` datetime NULL, `deployed_at` datetime NULL, `last_upgraded_at` datetime NULL, `template_id` integer NOT NULL, `workspace_id` integer NOT NULL, CONSTRAINT `services_app_templates_services` FOREIGN KEY (`template_id`) REFERENCES `app_templates` (`id`) ON DELETE NO ACTION, CONSTRAINT `services_workspaces_services` FOREIGN KEY (`workspace_id`) REFERENCES `workspaces` (`id`) ON DELETE NO ACTION);
-- Set sequence for "services" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("services", 51539607552);
-- Create index "services_reference_id_key" to table: "services"
CREATE UNIQUE INDEX `services_reference_id_key` ON `services` (`reference_id`);
-- Create index "services_subdomain_key" to table: "services"
CREATE UNIQUE INDEX `services_subdomain_key` ON `services` (`subdomain`);
-- Create index "service_workspace_id" to table: "services"
CREATE INDEX `service_workspace_id` ON `services` (`workspace_id`);
-- Create "service_events" table
CREATE TABLE `service_events` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `state` text NOT NULL, `level` text NOT NULL DEFAULT ('info'), `message` text NOT NULL, `service_id` integer NOT NULL, `workspace_id` integer NOT NULL, CONSTRAINT `service_events_services_events` FOREIGN KEY (`service_id`) REFERENCES `services` (`id`) ON DELETE NO ACTION, CONSTRAINT `service_events_workspaces_service_events` FOREIGN KEY (`workspace_id`) REFERENCES `workspaces` (`id`) ON DELETE NO ACTION);
-- Set sequence for "service_events" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("service_events", 55834574848);
-- Create index "serviceevent_workspace_id" to table: "service_events"
CREATE INDEX `serviceevent_workspace_id` ON `service_events` (`workspace_id`);
-- Create index "serviceevent_service_id_created_at" to table: "service_events"
CREATE INDEX `serviceevent_service_id_created_at` ON `service_events` (`service_id`, `created_at`);
-- Create "service_revisions" table
CREATE TABLE `service_revisions` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `revision` integer NOT NULL, `chart_version` text NOT NULL DEFAULT (''), `app_version` text NOT NULL DEFAULT (''), `values_snapshot` json NOT NULL, `status` text NOT NULL DEFAULT (''), `description` text NOT NULL DEFAULT (''), `created_at` datetime NOT NULL, `service_id` integer NOT NULL, `workspace_id` integer NOT NULL, CONSTRAINT `service_revisions_services_revisions` FOREIGN KEY (`service_id`) REFERENCES `services` (`id`) ON DELETE NO ACTION, CONSTRAINT `service_revisions_workspaces_service_revisions` FOREIGN KEY (`workspace_id`) REFERENCES `workspaces` (`id`) ON DELETE NO ACTION);
-- Set sequence for "service_revisions" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("service_revisions", 60129542144);
-- Create index "servicerevision_workspace_id" to table: "service_revisions"
CREATE INDEX `servicerevision_workspace_id` ON `service_revisions` (`workspace_id`);
-- Create index "servicerevision_service_id_revision" to table: "service_revisions"
CREATE UNIQUE INDEX `servicerevision_service_id_revision` ON `service_revisions` (`service_id`, `revision`);
-- Create "sessions" table
CREATE TABLE `sessions` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `token_hash` text NOT NULL, `created_at` datetime NOT NULL, `expires_at` datetime NOT NULL, `last_seen_at` datetime NOT NULL, `user_agent` text NOT NULL DEFAULT (''), `user_id` integer NOT NULL, CONSTRAINT `sessions_users_sessions` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE NO ACTION);
-- Set sequence for "sessions" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("sessions", 64424509440);
-- Create index "sessions_token_hash_key" to table: "sessions"
CREATE UNIQUE INDEX `sessions_token_hash_key` ON `sessions` (`token_hash`);
-- Create "settings" table
CREATE TABLE `settings` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `key` text NOT NULL, `value` text NOT NULL DEFAULT (''), `secret` bool NOT NULL DEFAULT (false));
-- Set sequence for "settings" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("settings", 68719476736);
-- Create index "settings_key_key" to table: "settings"
CREATE UNIQUE INDEX `settings_key_key` ON `settings` (`key`);
-- Create "smart_homes" table
CREATE TABLE `smart_homes` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `name` text NOT NULL, `reference_id` uuid NOT NULL, `state` text NOT NULL DEFAULT ('pending'), `error_message` text NOT NULL DEFAULT (''), `tunnel_id` text NOT NULL DEFAULT (''), `tunnel_name` text NOT NULL DEFAULT (''), `tunnel_token` blob NULL, `connector_id` text NOT NULL DEFAULT (''), `connector_type` text NOT NULL DEFAULT (''), `tunnel_route` text NOT NULL DEFAULT (''), `tunnel_status` text NOT NULL DEFAULT ('unknown'), `connected_since` datetime NULL, `ha_port` integer NOT NULL DEFAULT (8123), `subdomain` text NOT NULL, `dns_record_id` text NOT NULL DEFAULT (''), `deployed_at` datetime NULL, `workspace_id` integer NOT NULL, CONSTRAINT `smart_homes_workspaces_smart_homes` FOREIGN KEY (`workspace_id`) REFERENCES `workspaces` (`id`) ON DELETE NO ACTION);
-- Set sequence for "smart_homes" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("smart_homes", 73014444032);
-- Create index "smart_homes_reference_id_key" to table: "smart_homes"
CREATE UNIQUE INDEX `smart_homes_reference_id_key` ON `smart_homes` (`reference_id`);
-- Create index "smart_homes_subdomain_key" to table: "smart_homes"
CREATE UNIQUE INDEX `smart_homes_subdomain_key` ON `smart_homes` (`subdomain`);
-- Create index "smarthome_workspace_id" to table: "smart_homes"
CREATE INDEX `smarthome_workspace_id` ON `smart_homes` (`workspace_id`);
-- Create "tasks" table
CREATE TABLE `tasks` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `title` text NOT NULL, `description` text NOT NULL DEFAULT (''), `priority` text NOT NULL DEFAULT ('normal'), `sequence` integer NOT NULL DEFAULT (0), `deadline` datetime NULL, `chat_enabled` bool NOT NULL DEFAULT (true), `ai_auto_reply` bool NOT NULL DEFAULT (false), `project_id` integer NOT NULL, `stage_id` integer NOT NULL, `assignee_id` integer NULL, `workspace_id` integer NOT NULL, CONSTRAINT `tasks_projects_tasks` FOREIGN KEY (`project_id`) REFERENCES `projects` (`id`) ON DELETE NO ACTION, CONSTRAINT `tasks_task_stages_tasks` FOREIGN KEY (`stage_id`) REFERENCES `task_stages` (`id`) ON DELETE NO ACTION, CONSTRAINT `tasks_users_assigned_tasks` FOREIGN KEY (`assignee_id`) REFERENCES `users` (`id`) ON DELETE SET NULL, CONSTRAINT `tasks_workspaces_tasks` FOREIGN KEY (`workspace_id`) REFERENCES `workspaces` (`id`) ON DELETE NO ACTION);
-- Set sequence for "tasks" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("tasks", 77309411328);
-- Create index "task_workspace_id" to table: "tasks"
CREATE INDEX `task_workspace_id` ON `tasks` (`workspace_id`);
-- Create index "task_stage_id_sequence" to table: "tasks"
CREATE INDEX `task_stage_id_sequence` ON `tasks` (`stage_id`, `sequence`);
-- Create "task_stages" table
CREATE TABLE `task_stages` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `name` text NOT NULL, `sequence` integer NOT NULL DEFAULT (0), `folded` bool NOT NULL DEFAULT (false), `project_id` integer NOT NULL, `workspace_id` integer NOT NULL, CONSTRAINT `task_stages_projects_stages` FOREIGN KEY (`project_id`) REFERENCES `projects` (`id`) ON DELETE NO ACTION, CONSTRAINT `task_stages_workspaces_task_stages` FOREIGN KEY (`workspace_id`) REFERENCES `workspaces` (`id`) ON DELETE NO ACTION);
-- Set sequence for "task_stages" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("task_stages", 81604378624);
-- Create index "taskstage_workspace_id" to table: "task_stages"
CREATE INDEX `taskstage_workspace_id` ON `task_stages` (`workspace_id`);
-- Create "users" table
CREATE TABLE `users` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `email` text NOT NULL, `name` text NOT NULL DEFAULT (''), `password_hash` text NOT NULL, `platform_admin` bool NOT NULL DEFAULT (false), `disabled` bool NOT NULL DEFAULT (false), `last_login_at` datetime NULL);
-- Set sequence for "users" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("users", 85899345920);
-- Create index "users_email_key" to table: "users"
CREATE UNIQUE INDEX `users_email_key` ON `users` (`email`);
-- Create "workspaces" table
CREATE TABLE `workspaces` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `name` text NOT NULL, `slug` text NOT NULL, `description` text NOT NULL DEFAULT (''), `state` text NOT NULL DEFAULT ('active'), `owner_id` integer NOT NULL, CONSTRAINT `workspaces_users_owned_workspaces` FOREIGN KEY (`owner_id`) REFERENCES `users` (`id`) ON DELETE NO ACTION);
-- Set sequence for "workspaces" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("workspaces", 90194313216);
-- Create index "workspaces_slug_key" to table: "workspaces"
CREATE UNIQUE INDEX `workspaces_slug_key` ON `workspaces` (`slug`);
-- Create "workspace_members" table
CREATE TABLE `workspace_members` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `role` text NOT NULL, `invited_by_id` integer NULL, `invited_at` datetime NULL, `user_id` integer NOT NULL, `workspace_id` integer NOT NULL, CONSTRAINT `workspace_members_users_memberships` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE NO ACTION, CONSTRAINT `workspace_members_workspaces_members` FOREIGN KEY (`workspace_id`) REFERENCES `workspaces` (`id`) ON DELETE NO ACTION);
-- Set sequence for "workspace_members" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("workspace_members", 94489280512);
-- Create index "workspacemember_workspace_id" to table: "workspace_members"
CREATE INDEX `workspacemember_workspace_id` ON `workspace_members` (`workspace_id`);
-- Create index "workspacemember_workspace_id_user_id" to table: "workspace_members"
CREATE UNIQUE INDEX `workspacemember_workspace_id_user_id` ON `workspace_members` (`workspace_id`, `user_id`);
-- Create index "workspacemember_one_owner" to table: "workspace_members"
CREATE UNIQUE INDEX `workspacemember_one_owner` ON `workspace_members` (`workspace_id`) WHERE role = 'owner';
