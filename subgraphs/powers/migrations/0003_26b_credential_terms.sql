CREATE TABLE `credential_term_changes` (
	`id` varchar(26) NOT NULL,
	`officer_id` varchar(26) NOT NULL,
	`effective_from` date NOT NULL,
	`valid_from` date NOT NULL,
	`valid_until` date NOT NULL,
	`enforcement_areas` longtext NOT NULL,
	`reason` text NOT NULL,
	`recorded_by` varchar(100) NOT NULL,
	`recorded_at` datetime(3) NOT NULL,
	CONSTRAINT `credential_term_changes_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE INDEX `credential_terms_officer` ON `credential_term_changes` (`officer_id`,`effective_from`);