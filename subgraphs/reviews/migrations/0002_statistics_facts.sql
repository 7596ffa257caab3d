ALTER TABLE `review_rounds` ADD `agency_id` varchar(26);--> statement-breakpoint
ALTER TABLE `review_rounds` ADD `case_type` varchar(16);--> statement-breakpoint
ALTER TABLE `review_rounds` ADD `submitted_on` date;--> statement-breakpoint
ALTER TABLE `review_rounds` ADD `reviewer_qualified` boolean;--> statement-breakpoint
ALTER TABLE `review_rounds` ADD `reviewer_first_time` boolean;--> statement-breakpoint
ALTER TABLE `review_rounds` ADD `reviewer_has_certificate` boolean;--> statement-breakpoint
CREATE INDEX `rounds_stats_concluded` ON `review_rounds` (`concluded_on`,`agency_id`,`case_type`,`conclusion`,`submitted_on`);--> statement-breakpoint
CREATE INDEX `rounds_stats_agency_concluded` ON `review_rounds` (`agency_id`,`concluded_on`,`case_type`,`conclusion`,`submitted_on`);--> statement-breakpoint
CREATE INDEX `rounds_stats_due` ON `review_rounds` (`due_on`,`agency_id`,`case_type`,`concluded_on`);--> statement-breakpoint
CREATE INDEX `rounds_stats_agency_due` ON `review_rounds` (`agency_id`,`due_on`,`case_type`,`concluded_on`);--> statement-breakpoint
CREATE INDEX `rounds_stats_submitted` ON `review_rounds` (`submitted_on`,`agency_id`,`case_type`,`reviewer_id`,`reviewer_qualified`,`reviewer_first_time`,`reviewer_has_certificate`);--> statement-breakpoint
CREATE INDEX `rounds_stats_agency_submitted` ON `review_rounds` (`agency_id`,`submitted_on`,`case_type`,`reviewer_id`,`reviewer_qualified`,`reviewer_first_time`,`reviewer_has_certificate`);--> statement-breakpoint
-- Backfill what the rows already know (the agency of their review, the Shanghai submission date). Concluded rounds are
-- protected by the opinion-final trigger, so it is dropped for this one statement and recreated unchanged right after.
DROP TRIGGER IF EXISTS `review_rounds_opinion_final`;--> statement-breakpoint
UPDATE `review_rounds` r JOIN `legal_reviews` l ON l.`id` = r.`review_id` SET r.`agency_id` = l.`agency_id`, r.`submitted_on` = DATE(r.`submitted_at` + INTERVAL 8 HOUR);--> statement-breakpoint
CREATE TRIGGER `review_rounds_opinion_final` BEFORE UPDATE ON `review_rounds` FOR EACH ROW BEGIN IF OLD.conclusion IS NOT NULL THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'a recorded review opinion cannot be changed'; END IF; END;
