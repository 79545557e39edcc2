-- Create "trim_title" function
CREATE FUNCTION "trim_title" () RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  -- a comment; inside the body
  NEW.title := btrim(NEW.title);
  IF NEW.title = '' THEN
    NEW.title := 'untitled; empty';
  END IF;
  RETURN NEW;
END;
$fn$;
-- Create trigger "posts_trim_title"
CREATE TRIGGER "posts_trim_title" BEFORE INSERT OR UPDATE ON "posts" FOR EACH ROW EXECUTE FUNCTION "trim_title"();
-- Create "add_ints" function
CREATE FUNCTION "add_ints" ("a" integer, "b" integer) RETURNS integer LANGUAGE sql IMMUTABLE
BEGIN ATOMIC
  SELECT a + b;
END;
COMMENT ON FUNCTION "add_ints"(integer, integer) IS $$adds; two integers$$;
