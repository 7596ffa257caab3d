ALTER TABLE `cases` DROP INDEX `cases_number`;--> statement-breakpoint
ALTER TABLE `case_number_counters` DROP PRIMARY KEY;--> statement-breakpoint
ALTER TABLE `case_number_counters` ADD `series` varchar(16) DEFAULT 'PENALTY' NOT NULL;--> statement-breakpoint
ALTER TABLE `case_number_counters` ADD PRIMARY KEY(`agency_id`,`series`,`year`);--> statement-breakpoint
ALTER TABLE `cases` MODIFY COLUMN `decision_due_on` date;--> statement-breakpoint
ALTER TABLE `cases` ADD `in_name_of_agency_id` varchar(26);--> statement-breakpoint
ALTER TABLE `cases` ADD `number_series` varchar(48) DEFAULT '' NOT NULL;--> statement-breakpoint
UPDATE `cases` SET `number_series` = CONCAT(`agency_id`, ':LEGACY');--> statement-breakpoint
ALTER TABLE `cases` ADD `decision_due_confirmed` boolean;--> statement-breakpoint
ALTER TABLE `cases` ADD `retention_years` int;--> statement-breakpoint
ALTER TABLE `cases` ADD `retention_until` date;--> statement-breakpoint
ALTER TABLE `cases` ADD `measure_ends_on` date;--> statement-breakpoint
ALTER TABLE `cases` ADD `measure_extended_to` date;--> statement-breakpoint
ALTER TABLE `cases` ADD `measure_lifted_on` date;--> statement-breakpoint
ALTER TABLE `cases` ADD `decision_change_kind` varchar(24);--> statement-breakpoint
ALTER TABLE `cases` ADD `decision_changed_on` date;--> statement-breakpoint
ALTER TABLE `decision_proposals` ADD `collective_discussion_required` boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `publications` ADD `party_notified_on` date;--> statement-breakpoint
ALTER TABLE `publications` ADD `party_notice_number` varchar(100);--> statement-breakpoint
ALTER TABLE `publications` ADD `corrections` longtext;--> statement-breakpoint
ALTER TABLE `publications` ADD `ended_on` date;--> statement-breakpoint
ALTER TABLE `publications` ADD `end_reason` text;--> statement-breakpoint
ALTER TABLE `cases` ADD CONSTRAINT `cases_number` UNIQUE(`number_series`,`case_year`,`case_seq`);
