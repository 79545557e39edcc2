-- Keep "posts" titles trimmed; the trigger body holds statements.
CREATE TRIGGER `posts_trim_title` AFTER INSERT ON `posts` BEGIN
  UPDATE `posts` SET `title` = trim(`title`) WHERE `id` = NEW.`id`;
  UPDATE `posts` SET `title` = CASE WHEN `title` = '' THEN 'untitled; empty' ELSE `title` END WHERE `id` = NEW.`id`;
END;
INSERT INTO `posts` (`title`, `user_posts`) VALUES ('  padded  ', 2), ('', 1);
