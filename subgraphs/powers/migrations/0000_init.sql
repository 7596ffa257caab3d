CREATE TABLE `agencies` (
	`id` varchar(26) NOT NULL,
	`name` varchar(200) NOT NULL,
	`kind` varchar(16) NOT NULL,
	`uscc` varchar(18) NOT NULL,
	`region` varchar(100) NOT NULL,
	`legal_basis` longtext NOT NULL,
	`contact` longtext NOT NULL,
	`complaint_channels` longtext NOT NULL,
	`service_windows` longtext NOT NULL,
	`policy` longtext NOT NULL,
	`version` int NOT NULL DEFAULT 1,
	`idempotency_key` varchar(200),
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `agencies_id` PRIMARY KEY(`id`),
	CONSTRAINT `agencies_uscc` UNIQUE(`uscc`),
	CONSTRAINT `agencies_idem` UNIQUE(`idempotency_key`)
);
--> statement-breakpoint
CREATE TABLE `ex_ante_documents` (
	`id` varchar(26) NOT NULL,
	`kind` varchar(32) NOT NULL,
	`agency_id` varchar(26) NOT NULL,
	`code` varchar(64) NOT NULL,
	`version_no` int NOT NULL,
	`status` varchar(16) NOT NULL,
	`title` varchar(300) NOT NULL,
	`category` varchar(16),
	`enforcement_area` varchar(100),
	`power_item_code` varchar(64),
	`plan_year` int,
	`content` longtext NOT NULL,
	`created_at` datetime(3) NOT NULL,
	`created_by` varchar(100) NOT NULL,
	`submitted_at` datetime(3),
	`submitted_by` varchar(100),
	`approved_at` datetime(3),
	`approved_by` varchar(100),
	`approval_note` text,
	`published_at` datetime(3),
	`published_by` varchar(100),
	`retired_at` datetime(3),
	`retired_by` varchar(100),
	`retire_reason` text,
	`updated_at` datetime(3) NOT NULL,
	`version` int NOT NULL DEFAULT 1,
	`idempotency_key` varchar(200),
	CONSTRAINT `ex_ante_documents_id` PRIMARY KEY(`id`),
	CONSTRAINT `exante_kind_code_version` UNIQUE(`kind`,`code`,`version_no`),
	CONSTRAINT `exante_idem` UNIQUE(`idempotency_key`)
);
--> statement-breakpoint
CREATE TABLE `officers` (
	`id` varchar(26) NOT NULL,
	`agency_id` varchar(26) NOT NULL,
	`name` varchar(100) NOT NULL,
	`credential_number` varchar(32) NOT NULL,
	`credential_status` varchar(16) NOT NULL,
	`valid_from` date NOT NULL,
	`valid_until` date NOT NULL,
	`enforcement_areas` longtext NOT NULL,
	`review_qualified` boolean NOT NULL DEFAULT false,
	`legal_profession_certificate` varchar(64),
	`first_time_reviewer` boolean NOT NULL DEFAULT false,
	`version` int NOT NULL DEFAULT 1,
	`idempotency_key` varchar(200),
	`created_at` datetime(3) NOT NULL,
	`updated_at` datetime(3) NOT NULL,
	CONSTRAINT `officers_id` PRIMARY KEY(`id`),
	CONSTRAINT `officers_credential` UNIQUE(`credential_number`),
	CONSTRAINT `officers_idem` UNIQUE(`idempotency_key`)
);
--> statement-breakpoint
CREATE INDEX `exante_list` ON `ex_ante_documents` (`kind`,`status`,`code`,`version_no`);--> statement-breakpoint
CREATE INDEX `exante_agency_list` ON `ex_ante_documents` (`kind`,`agency_id`,`status`,`code`);--> statement-breakpoint
CREATE INDEX `exante_power_item` ON `ex_ante_documents` (`power_item_code`,`kind`,`status`);--> statement-breakpoint
CREATE INDEX `officers_agency` ON `officers` (`agency_id`,`id`);