CREATE TABLE `agency_links` (
	`uscc` varchar(18) NOT NULL,
	`agency_id` varchar(26) NOT NULL,
	`refreshed_at` datetime(3) NOT NULL,
	CONSTRAINT `agency_links_uscc` PRIMARY KEY(`uscc`)
);
--> statement-breakpoint
CREATE TABLE `sync_checkpoints` (
	`resource` varchar(16) NOT NULL,
	`updated_since` varchar(40),
	`cursor` varchar(500),
	`high_water` varchar(40),
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `sync_checkpoints_resource` PRIMARY KEY(`resource`)
);
--> statement-breakpoint
CREATE TABLE `officer_links` (
	`credential_number` varchar(32) NOT NULL,
	`officer_id` varchar(26) NOT NULL,
	`agency_id` varchar(26) NOT NULL,
	`refreshed_at` datetime(3) NOT NULL,
	CONSTRAINT `officer_links_credential_number` PRIMARY KEY(`credential_number`)
);
--> statement-breakpoint
CREATE TABLE `inspection_plans` (
	`id` varchar(64) NOT NULL,
	`name` varchar(300) NOT NULL,
	`year` int NOT NULL,
	`agency_uscc` varchar(18) NOT NULL,
	`agency_name` varchar(200) NOT NULL,
	`item_codes` longtext NOT NULL,
	`period_start` date NOT NULL,
	`period_end` date NOT NULL,
	`platform_updated_at` datetime(3) NOT NULL,
	`payload_hash` char(64) NOT NULL,
	`synced_at` datetime(3) NOT NULL,
	CONSTRAINT `inspection_plans_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `quarantined_records` (
	`id` varchar(26) NOT NULL,
	`resource` varchar(16) NOT NULL,
	`platform_id` varchar(64),
	`reason` text NOT NULL,
	`payload` mediumtext NOT NULL,
	`payload_hash` char(64) NOT NULL,
	`received_at` datetime(3) NOT NULL,
	`resolved_at` datetime(3),
	CONSTRAINT `quarantined_records_id` PRIMARY KEY(`id`),
	CONSTRAINT `quarantine_payload` UNIQUE(`resource`,`payload_hash`)
);
--> statement-breakpoint
CREATE TABLE `inspection_results` (
	`id` varchar(64) NOT NULL,
	`task_id` varchar(64) NOT NULL,
	`item_code` varchar(64) NOT NULL,
	`uscc` varchar(18) NOT NULL,
	`enterprise_name` varchar(200) NOT NULL,
	`agency_uscc` varchar(18) NOT NULL,
	`agency_name` varchar(200) NOT NULL,
	`result_code` varchar(4) NOT NULL,
	`sub_code` varchar(4),
	`problems_found` boolean NOT NULL,
	`methods` longtext NOT NULL,
	`findings` text,
	`follow_up_action` varchar(24) NOT NULL,
	`follow_up_note` text,
	`completed_on` date NOT NULL,
	`published_on` date,
	`publication_due_on` date NOT NULL,
	`calendar_confirmed` boolean NOT NULL,
	`platform_updated_at` datetime(3) NOT NULL,
	`payload_hash` char(64) NOT NULL,
	`synced_at` datetime(3) NOT NULL,
	CONSTRAINT `inspection_results_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `sync_runs` (
	`id` varchar(26) NOT NULL,
	`trigger` varchar(16) NOT NULL,
	`started_at` datetime(3) NOT NULL,
	`finished_at` datetime(3),
	`ok` boolean,
	`error` text,
	`stats` longtext,
	CONSTRAINT `sync_runs_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `inspection_task_inspectors` (
	`task_id` varchar(64) NOT NULL,
	`credential_number` varchar(32) NOT NULL,
	`name` varchar(100) NOT NULL,
	`position` int NOT NULL,
	CONSTRAINT `inspection_task_inspectors_task_id_credential_number_pk` PRIMARY KEY(`task_id`,`credential_number`)
);
--> statement-breakpoint
CREATE TABLE `inspection_task_objects` (
	`task_id` varchar(64) NOT NULL,
	`uscc` varchar(18) NOT NULL,
	`name` varchar(200) NOT NULL,
	`position` int NOT NULL,
	CONSTRAINT `inspection_task_objects_task_id_uscc_pk` PRIMARY KEY(`task_id`,`uscc`)
);
--> statement-breakpoint
CREATE TABLE `inspection_tasks` (
	`id` varchar(64) NOT NULL,
	`plan_id` varchar(64) NOT NULL,
	`item_code` varchar(64) NOT NULL,
	`name` varchar(300) NOT NULL,
	`status` varchar(16) NOT NULL,
	`agency_uscc` varchar(18) NOT NULL,
	`agency_name` varchar(200) NOT NULL,
	`draw_seed` varchar(128) NOT NULL,
	`drawn_at` datetime(3) NOT NULL,
	`object_candidates` int NOT NULL,
	`inspector_candidates` int NOT NULL,
	`check_start_on` date,
	`check_end_on` date,
	`platform_updated_at` datetime(3) NOT NULL,
	`payload_hash` char(64) NOT NULL,
	`synced_at` datetime(3) NOT NULL,
	CONSTRAINT `inspection_tasks_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE INDEX `quarantine_platform_id` ON `quarantined_records` (`resource`,`platform_id`);--> statement-breakpoint
CREATE INDEX `results_uscc` ON `inspection_results` (`uscc`,`id`);--> statement-breakpoint
CREATE INDEX `results_task` ON `inspection_results` (`task_id`,`id`);--> statement-breakpoint
CREATE INDEX `results_item` ON `inspection_results` (`item_code`,`id`);--> statement-breakpoint
CREATE INDEX `results_published` ON `inspection_results` (`published_on`,`id`);--> statement-breakpoint
CREATE INDEX `results_unconfirmed` ON `inspection_results` (`calendar_confirmed`);--> statement-breakpoint
CREATE INDEX `sync_runs_started` ON `sync_runs` (`started_at`);--> statement-breakpoint
CREATE INDEX `task_inspectors_credential` ON `inspection_task_inspectors` (`credential_number`,`task_id`);--> statement-breakpoint
CREATE INDEX `task_objects_uscc` ON `inspection_task_objects` (`uscc`,`task_id`);--> statement-breakpoint
CREATE INDEX `tasks_item` ON `inspection_tasks` (`item_code`,`id`);--> statement-breakpoint
CREATE INDEX `tasks_plan` ON `inspection_tasks` (`plan_id`,`id`);--> statement-breakpoint
CREATE INDEX `tasks_agency` ON `inspection_tasks` (`agency_uscc`,`status`,`id`);