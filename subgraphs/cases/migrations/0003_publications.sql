CREATE TABLE `calendar_years` (
	`year` int NOT NULL,
	`arrangement` longtext NOT NULL,
	`loaded_by` varchar(100) NOT NULL,
	`loaded_at` datetime(3) NOT NULL,
	CONSTRAINT `calendar_years_year` PRIMARY KEY(`year`)
);
--> statement-breakpoint
CREATE TABLE `publications` (
	`id` varchar(26) NOT NULL,
	`case_id` varchar(26) NOT NULL,
	`agency_id` varchar(26) NOT NULL,
	`status` varchar(16) NOT NULL,
	`category` varchar(24),
	`case_type` varchar(16) NOT NULL,
	`party_name` varchar(200) NOT NULL,
	`party_uscc` varchar(18),
	`snapshot` longtext NOT NULL,
	`decision_date` date NOT NULL,
	`exemption_reason` text,
	`due_on` date,
	`due_confirmed` boolean,
	`published_on` date,
	`published_by` varchar(100),
	`period_ends_on` date,
	`change_kind` varchar(24),
	`change_reason` text,
	`changed_on` date,
	`withdrawal_due_on` date,
	`withdrawal_due_confirmed` boolean,
	`withdrawn_on` date,
	`withdrawn_by` varchar(100),
	`withdrawal_reason` text,
	`version` int NOT NULL DEFAULT 1,
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `publications_id` PRIMARY KEY(`id`),
	CONSTRAINT `publications_case` UNIQUE(`case_id`)
);
--> statement-breakpoint
CREATE INDEX `publications_public` ON `publications` (`status`,`period_ends_on`,`id`);--> statement-breakpoint
CREATE INDEX `publications_agency` ON `publications` (`agency_id`,`status`,`id`);--> statement-breakpoint
CREATE INDEX `publications_party` ON `publications` (`party_uscc`);--> statement-breakpoint
CREATE INDEX `publications_due` ON `publications` (`status`,`due_on`);