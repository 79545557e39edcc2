-- Seed rows; the strings hold delimiters and comment markers.
INSERT INTO `users` (`id`, `name`, `email`) VALUES (1, 'O''Brien; admin', 'ob@example.com');
INSERT INTO `users` (`id`, `name`, `email`) VALUES (2, '-- not a comment', 'x@example.com'); /* a block; comment */
INSERT INTO `posts` (`title`, `user_posts`) VALUES ('first; post', 1), ('second /* post */', 1), ('third', 2);
