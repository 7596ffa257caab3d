CREATE TABLE `credential_status_changes` (
	`id` varchar(26) NOT NULL,
	`officer_id` varchar(26) NOT NULL,
	`status` varchar(16) NOT NULL,
	`effective_from` date NOT NULL,
	`reason` text NOT NULL,
	`recorded_by` varchar(100) NOT NULL,
	`recorded_at` datetime(3) NOT NULL,
	CONSTRAINT `credential_status_changes_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
ALTER TABLE `agencies` ADD `entrustment` longtext;--> statement-breakpoint
CREATE INDEX `credential_changes_officer` ON `credential_status_changes` (`officer_id`,`effective_from`);