-- Create "idempotency_keys" table
CREATE TABLE `idempotency_keys` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `user_id` integer NOT NULL, `operation` text NOT NULL, `key` text NOT NULL, `result_id` integer NOT NULL, `created_at` datetime NOT NULL);
-- Set sequence for "idempotency_keys" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("idempotency_keys", 120259084288);
-- Create index "idempotencykey_user_id_operation_key" to table: "idempotency_keys"
CREATE UNIQUE INDEX `idempotencykey_user_id_operation_key` ON `idempotency_keys` (`user_id`, `operation`, `key`);
-- Create index "idempotencykey_created_at" to table: "idempotency_keys"
CREATE INDEX `idempotencykey_created_at` ON `idempotency_keys` (`created_at`);
