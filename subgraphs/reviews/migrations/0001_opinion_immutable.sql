-- R8/R6: an opinion cannot be changed once recorded, and rounds are never deleted (responsibility stays traceable).
CREATE TRIGGER `review_rounds_opinion_final` BEFORE UPDATE ON `review_rounds` FOR EACH ROW BEGIN IF OLD.conclusion IS NOT NULL THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'a recorded review opinion cannot be changed'; END IF; END;
--> statement-breakpoint
CREATE TRIGGER `review_rounds_no_delete` BEFORE DELETE ON `review_rounds` FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'review rounds cannot be deleted';
