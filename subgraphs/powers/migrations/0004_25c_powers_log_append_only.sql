-- Issue 25: the powers log is append-only like the cases and reviews logs. The service account has no UPDATE or
-- DELETE on these tables (kernel/db-accounts.ts); these triggers refuse them for every account, the admin included.
-- Someone who drops them is still caught by the hash chains, MACs and signed checkpoints.
CREATE TRIGGER `record_entries_no_update` BEFORE UPDATE ON `record_entries` FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'record_entries is append-only (issue 25)';
--> statement-breakpoint
CREATE TRIGGER `record_entries_no_delete` BEFORE DELETE ON `record_entries` FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'record_entries is append-only (issue 25)';
--> statement-breakpoint
CREATE TRIGGER `record_checkpoints_no_update` BEFORE UPDATE ON `record_checkpoints` FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'record_checkpoints is append-only (issue 25)';
--> statement-breakpoint
CREATE TRIGGER `record_checkpoints_no_delete` BEFORE DELETE ON `record_checkpoints` FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'record_checkpoints is append-only (issue 25)';
