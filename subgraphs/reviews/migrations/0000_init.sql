CREATE TABLE `legal_reviews` (
	`id` varchar(26) NOT NULL,
	`case_id` varchar(26) NOT NULL,
	`agency_id` varchar(26) NOT NULL,
	`status` varchar(24) NOT NULL,
	`current_round` int NOT NULL,
	`reviewer_id` varchar(26),
	`due_on` date NOT NULL,
	`version` int NOT NULL DEFAULT 1,
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `legal_reviews_id` PRIMARY KEY(`id`),
	CONSTRAINT `reviews_case` UNIQUE(`case_id`)
);
--> statement-breakpoint
CREATE TABLE `review_rounds` (
	`id` varchar(26) NOT NULL,
	`review_id` varchar(26) NOT NULL,
	`round_no` int NOT NULL,
	`proposal_id` varchar(26) NOT NULL,
	`proposal_hash` char(64) NOT NULL,
	`proposal_snapshot` text NOT NULL,
	`materials` longtext NOT NULL,
	`handler_statement` text NOT NULL,
	`submitted_by` varchar(100) NOT NULL,
	`submitted_at` datetime(3) NOT NULL,
	`reviewer_id` varchar(26),
	`assigned_by` varchar(100),
	`assigned_at` datetime(3),
	`due_on` date NOT NULL,
	`due_confirmed` boolean NOT NULL,
	`automatic_findings` longtext NOT NULL,
	`findings` longtext,
	`conclusion` varchar(16),
	`opinion` text,
	`required_corrections` longtext,
	`concluded_at` datetime(3),
	`concluded_on` date,
	CONSTRAINT `review_rounds_id` PRIMARY KEY(`id`),
	CONSTRAINT `rounds_review_no` UNIQUE(`review_id`,`round_no`)
);
--> statement-breakpoint
CREATE INDEX `reviews_queue` ON `legal_reviews` (`agency_id`,`status`,`id`);--> statement-breakpoint
CREATE INDEX `reviews_reviewer` ON `legal_reviews` (`reviewer_id`,`id`);--> statement-breakpoint
CREATE INDEX `reviews_due` ON `legal_reviews` (`status`,`due_on`);--> statement-breakpoint
CREATE INDEX `rounds_proposal` ON `review_rounds` (`proposal_id`,`proposal_hash`);