CREATE TABLE `record_chain_heads` (
	`chain` varchar(40) NOT NULL,
	`seq` bigint NOT NULL,
	`hash` char(64) NOT NULL,
	`mac_key_id` varchar(16) NOT NULL DEFAULT '',
	`mac` varchar(64) NOT NULL DEFAULT '',
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
	`mac_key_id` varchar(16) NOT NULL DEFAULT '',
	`mac` varchar(64) NOT NULL DEFAULT '',
	CONSTRAINT `record_entries_id` PRIMARY KEY(`id`),
	CONSTRAINT `record_case_seq` UNIQUE(`case_id`,`case_seq`),
	CONSTRAINT `record_global_seq` UNIQUE(`global_seq`)
);
--> statement-breakpoint
CREATE INDEX `record_kind` ON `record_entries` (`case_id`,`kind`);--> statement-breakpoint
-- Issue 25: the reviews log is append-only like the cases log (R17's triggers, for every account).
CREATE TRIGGER `record_entries_no_update` BEFORE UPDATE ON `record_entries` FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'record_entries is append-only (issue 25)';
--> statement-breakpoint
CREATE TRIGGER `record_entries_no_delete` BEFORE DELETE ON `record_entries` FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'record_entries is append-only (issue 25)';
--> statement-breakpoint
CREATE TRIGGER `record_checkpoints_no_update` BEFORE UPDATE ON `record_checkpoints` FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'record_checkpoints is append-only (issue 25)';
--> statement-breakpoint
CREATE TRIGGER `record_checkpoints_no_delete` BEFORE DELETE ON `record_checkpoints` FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'record_checkpoints is append-only (issue 25)';
