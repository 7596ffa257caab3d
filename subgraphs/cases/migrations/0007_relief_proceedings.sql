CREATE TABLE `relief_proceedings` (
	`id` varchar(26) NOT NULL,
	`case_id` varchar(26) NOT NULL,
	`agency_id` varchar(26) NOT NULL,
	`case_type` varchar(16) NOT NULL,
	`kind` varchar(32) NOT NULL,
	`organ` varchar(100) NOT NULL,
	`received_on` date NOT NULL,
	`document_number` varchar(100),
	`outcome` varchar(24),
	`outcome_on` date,
	`outcome_reason` text,
	`outcome_document_number` varchar(100),
	`correction` text,
	`recorded_by` varchar(100) NOT NULL,
	`version` int NOT NULL DEFAULT 1,
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `relief_proceedings_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE INDEX `relief_case` ON `relief_proceedings` (`case_id`,`received_on`);--> statement-breakpoint
CREATE INDEX `relief_stats_received` ON `relief_proceedings` (`received_on`,`agency_id`,`case_type`,`kind`);--> statement-breakpoint
CREATE INDEX `relief_stats_agency_received` ON `relief_proceedings` (`agency_id`,`received_on`,`case_type`,`kind`);--> statement-breakpoint
CREATE INDEX `relief_stats_concluded` ON `relief_proceedings` (`outcome_on`,`agency_id`,`case_type`,`kind`,`outcome`);--> statement-breakpoint
CREATE INDEX `relief_stats_agency_concluded` ON `relief_proceedings` (`agency_id`,`outcome_on`,`case_type`,`kind`,`outcome`);