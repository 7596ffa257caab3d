CREATE TABLE `case_number_counters` (
	`agency_id` varchar(26) NOT NULL,
	`year` int NOT NULL,
	`last_seq` int NOT NULL,
	CONSTRAINT `case_number_counters_agency_id_year_pk` PRIMARY KEY(`agency_id`,`year`)
);
--> statement-breakpoint
CREATE TABLE `cases` (
	`id` varchar(26) NOT NULL,
	`agency_id` varchar(26) NOT NULL,
	`case_number` varchar(100) NOT NULL,
	`case_year` int NOT NULL,
	`case_seq` int NOT NULL,
	`case_type` varchar(16) NOT NULL,
	`procedure` varchar(8) NOT NULL,
	`power_item_code` varchar(64) NOT NULL,
	`power_item_version_id` varchar(26) NOT NULL,
	`power_item_version_no` int NOT NULL,
	`enforcement_area` varchar(100) NOT NULL,
	`party_id` varchar(26) NOT NULL,
	`party_uscc` varchar(18),
	`handling_officer_ids` longtext NOT NULL,
	`source` longtext NOT NULL,
	`source_inspection_task_id` varchar(64),
	`facts_summary` text NOT NULL,
	`confidentiality` varchar(24),
	`state` varchar(16) NOT NULL,
	`filed_on` date NOT NULL,
	`decision_due_on` date NOT NULL,
	`decided_on` date,
	`decision_proposal_id` varchar(26),
	`party_present_at_decision` boolean,
	`service_due_on` date,
	`service_due_confirmed` boolean,
	`served_on` date,
	`closed_on` date,
	`archived_on` date,
	`version` int NOT NULL DEFAULT 1,
	`idempotency_key` varchar(200),
	`created_by` varchar(100) NOT NULL,
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `cases_id` PRIMARY KEY(`id`),
	CONSTRAINT `cases_number` UNIQUE(`agency_id`,`case_year`,`case_seq`),
	CONSTRAINT `cases_idem` UNIQUE(`idempotency_key`)
);
--> statement-breakpoint
CREATE TABLE `parties` (
	`id` varchar(26) NOT NULL,
	`kind` varchar(24) NOT NULL,
	`name` varchar(200) NOT NULL,
	`uscc` varchar(18),
	`resident_id` varchar(18),
	`legal_representative` varchar(100),
	`address` varchar(300),
	`phone` varchar(40),
	`is_minor` boolean NOT NULL DEFAULT false,
	`created_at` datetime(3) NOT NULL,
	CONSTRAINT `parties_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `decision_proposals` (
	`id` varchar(26) NOT NULL,
	`case_id` varchar(26) NOT NULL,
	`content` longtext NOT NULL,
	`content_hash` char(64) NOT NULL,
	`fine_amount` decimal(16,2),
	`checks` longtext NOT NULL,
	`review_required` boolean NOT NULL,
	`review_reasons` longtext NOT NULL,
	`created_by` varchar(100) NOT NULL,
	`created_at` datetime(3) NOT NULL,
	`idempotency_key` varchar(200),
	CONSTRAINT `decision_proposals_id` PRIMARY KEY(`id`),
	CONSTRAINT `proposals_idem` UNIQUE(`idempotency_key`)
);
--> statement-breakpoint
CREATE TABLE `record_chain_heads` (
	`chain` varchar(40) NOT NULL,
	`seq` bigint NOT NULL,
	`hash` char(64) NOT NULL,
	CONSTRAINT `record_chain_heads_chain` PRIMARY KEY(`chain`)
);
--> statement-breakpoint
CREATE TABLE `record_checkpoints` (
	`id` varchar(26) NOT NULL,
	`checkpoint_seq` int NOT NULL,
	`global_seq` bigint NOT NULL,
	`head_hash` char(64) NOT NULL,
	`prev_signature` text NOT NULL,
	`signed_at` datetime(3) NOT NULL,
	`key_id` varchar(64) NOT NULL,
	`signature` text NOT NULL,
	CONSTRAINT `record_checkpoints_id` PRIMARY KEY(`id`),
	CONSTRAINT `checkpoint_seq` UNIQUE(`checkpoint_seq`)
);
--> statement-breakpoint
CREATE TABLE `record_entries` (
	`id` varchar(26) NOT NULL,
	`case_id` varchar(26) NOT NULL,
	`case_seq` int NOT NULL,
	`global_seq` bigint NOT NULL,
	`kind` varchar(32) NOT NULL,
	`stage` varchar(16) NOT NULL,
	`payload` text NOT NULL,
	`actor` varchar(100) NOT NULL,
	`recorded_at` datetime(3) NOT NULL,
	`prev_case_hash` char(64) NOT NULL,
	`prev_global_hash` char(64) NOT NULL,
	`hash` char(64) NOT NULL,
	CONSTRAINT `record_entries_id` PRIMARY KEY(`id`),
	CONSTRAINT `record_case_seq` UNIQUE(`case_id`,`case_seq`),
	CONSTRAINT `record_global_seq` UNIQUE(`global_seq`)
);
--> statement-breakpoint
CREATE INDEX `cases_agency_list` ON `cases` (`agency_id`,`state`,`id`);--> statement-breakpoint
CREATE INDEX `cases_list` ON `cases` (`state`,`id`);--> statement-breakpoint
CREATE INDEX `cases_power_item` ON `cases` (`power_item_code`,`id`);--> statement-breakpoint
CREATE INDEX `cases_party_uscc` ON `cases` (`party_uscc`,`id`);--> statement-breakpoint
CREATE INDEX `cases_filed` ON `cases` (`agency_id`,`filed_on`);--> statement-breakpoint
CREATE INDEX `cases_due` ON `cases` (`state`,`decision_due_on`);--> statement-breakpoint
CREATE INDEX `proposals_case` ON `decision_proposals` (`case_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `record_kind` ON `record_entries` (`case_id`,`kind`);