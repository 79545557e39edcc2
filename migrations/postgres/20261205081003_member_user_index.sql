-- Create index "workspacemember_user_id_workspace_id" to table: "workspace_members"
CREATE INDEX "workspacemember_user_id_workspace_id" ON "workspace_members" ("user_id", "workspace_id");
