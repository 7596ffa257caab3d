CREATE TABLE `evaluation_files` (
	`id` varchar(26) NOT NULL,
	`round_id` varchar(26) NOT NULL,
	`case_id` varchar(26) NOT NULL,
	`agency_id` varchar(26) NOT NULL,
	`case_type` varchar(16) NOT NULL,
	`stratum` varchar(48) NOT NULL,
	`draw_rank` char(64) NOT NULL,
	`state` varchar(16) NOT NULL,
	`evaluator_id` varchar(100),
	`auto_findings` longtext,
	`items` longtext,
	`findings` longtext,
	`dismissals` longtext,
	`score` int,
	`max_score` int NOT NULL,
	`scored_on` date,
	`version` int NOT NULL DEFAULT 1,
	CONSTRAINT `evaluation_files_id` PRIMARY KEY(`id`),
	CONSTRAINT `evaluation_files_case` UNIQUE(`round_id`,`case_id`)
);
--> statement-breakpoint
CREATE TABLE `evaluation_rounds` (
	`id` varchar(26) NOT NULL,
	`supervising_agency_id` varchar(26),
	`title` varchar(200) NOT NULL,
	`period_from` date NOT NULL,
	`period_to` date NOT NULL,
	`agency_ids` longtext NOT NULL,
	`evaluator_ids` longtext NOT NULL,
	`seed` varchar(128) NOT NULL,
	`rate` decimal(5,4) NOT NULL,
	`min_per_stratum` int NOT NULL,
	`min_per_agency` int NOT NULL,
	`rectification_working_days` int NOT NULL,
	`candidate_count` int NOT NULL,
	`strata` longtext NOT NULL,
	`checklist_version_id` varchar(26),
	`checklist_version_no` int NOT NULL,
	`checklist` longtext NOT NULL,
	`state` varchar(16) NOT NULL,
	`opened_by` varchar(100) NOT NULL,
	`opened_on` date NOT NULL,
	`completed_on` date,
	`version` int NOT NULL DEFAULT 1,
	`idempotency_key` varchar(200),
	`idempotency_fingerprint` char(64),
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `evaluation_rounds_id` PRIMARY KEY(`id`),
	CONSTRAINT `evaluation_rounds_idem` UNIQUE(`idempotency_key`)
);
--> statement-breakpoint
CREATE TABLE `evaluation_rectifications` (
	`id` varchar(26) NOT NULL,
	`round_id` varchar(26) NOT NULL,
	`file_id` varchar(26) NOT NULL,
	`case_id` varchar(26) NOT NULL,
	`agency_id` varchar(26) NOT NULL,
	`item_code` varchar(32) NOT NULL,
	`finding_code` varchar(32) NOT NULL,
	`finding` varchar(1000) NOT NULL,
	`due_on` date NOT NULL,
	`due_confirmed` int NOT NULL,
	`state` varchar(16) NOT NULL,
	`done_on` date,
	`done_note` varchar(1000),
	`done_by` varchar(100),
	`version` int NOT NULL DEFAULT 1,
	CONSTRAINT `evaluation_rectifications_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE INDEX `evaluation_files_agency` ON `evaluation_files` (`agency_id`,`round_id`);--> statement-breakpoint
CREATE INDEX `evaluation_rounds_period` ON `evaluation_rounds` (`period_to`,`period_from`);--> statement-breakpoint
CREATE INDEX `evaluation_rectifications_file` ON `evaluation_rectifications` (`file_id`);--> statement-breakpoint
CREATE INDEX `evaluation_rectifications_agency` ON `evaluation_rectifications` (`agency_id`,`round_id`);