CREATE TABLE `supervision_clues` (
	`id` varchar(26) NOT NULL,
	`model_code` varchar(48) NOT NULL,
	`agency_id` varchar(26) NOT NULL,
	`supervising_agency_id` varchar(26) NOT NULL,
	`subject_kind` varchar(16) NOT NULL,
	`subject` varchar(200) NOT NULL,
	`period_from` date NOT NULL,
	`period_to` date NOT NULL,
	`evidence` longtext NOT NULL,
	`fingerprint` char(64) NOT NULL,
	`status` varchar(12) NOT NULL,
	`handling_reason` text,
	`handled_by` varchar(100),
	`handled_on` date,
	`raised_by` varchar(100) NOT NULL,
	`raised_on` date NOT NULL,
	`version` int NOT NULL DEFAULT 1,
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `supervision_clues_id` PRIMARY KEY(`id`),
	CONSTRAINT `clues_fingerprint` UNIQUE(`fingerprint`)
);
--> statement-breakpoint
CREATE INDEX `clues_supervising` ON `supervision_clues` (`supervising_agency_id`,`status`,`id`);--> statement-breakpoint
CREATE INDEX `clues_agency` ON `supervision_clues` (`agency_id`,`status`,`id`);--> statement-breakpoint
CREATE INDEX `clues_list` ON `supervision_clues` (`status`,`id`);--> statement-breakpoint
CREATE INDEX `clues_stats_raised` ON `supervision_clues` (`raised_on`,`agency_id`,`status`,`model_code`);