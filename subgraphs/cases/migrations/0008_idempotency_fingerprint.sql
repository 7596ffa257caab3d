ALTER TABLE `cases` ADD `idempotency_fingerprint` char(64);--> statement-breakpoint
ALTER TABLE `decision_proposals` ADD `idempotency_fingerprint` char(64);