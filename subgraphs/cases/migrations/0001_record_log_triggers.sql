-- R17: the record log and its checkpoints are append-only. These triggers refuse UPDATE and DELETE for
-- every account; tampering by someone who drops them is still caught by the hash chains and signed checkpoints.
CREATE TRIGGER `record_entries_no_update` BEFORE UPDATE ON `record_entries` FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'record_entries is append-only (R17)';
--> statement-breakpoint
CREATE TRIGGER `record_entries_no_delete` BEFORE DELETE ON `record_entries` FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'record_entries is append-only (R17)';
--> statement-breakpoint
CREATE TRIGGER `record_checkpoints_no_update` BEFORE UPDATE ON `record_checkpoints` FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'record_checkpoints is append-only (R17)';
--> statement-breakpoint
CREATE TRIGGER `record_checkpoints_no_delete` BEFORE DELETE ON `record_checkpoints` FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'record_checkpoints is append-only (R17)';
