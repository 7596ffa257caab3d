ALTER TABLE `cases` ADD `idempotency_fingerprint` char(64);--> statement-breakpoint
ALTER TABLE `decision_proposals` ADD `idempotency_fingerprint` char(64);--> statement-breakpoint
ALTER TABLE `record_chain_heads` ADD `mac_key_id` varchar(16) DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `record_chain_heads` ADD `mac` varchar(64) DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `record_entries` ADD `mac_key_id` varchar(16) DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `record_entries` ADD `mac` varchar(64) DEFAULT '' NOT NULL;