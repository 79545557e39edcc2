-- Seed rows; the strings hold delimiters and comment markers.
INSERT INTO "users" ("id", "name", "email") VALUES (1, 'O''Brien; admin', 'ob@example.com'), (2, E'back\\slash; tab\t', 'x@example.com');
/* a block; comment */
INSERT INTO "posts" ("title", "user_posts") VALUES ('  first; post  ', 1), ('-- not a comment', 2), ('', 2);
