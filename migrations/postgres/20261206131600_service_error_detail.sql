-- Modify "services" table
ALTER TABLE "services" ADD COLUMN "error_detail" character varying NOT NULL DEFAULT '';
