CREATE INDEX `cases_stats_filed` ON `cases` (`filed_on`,`agency_id`,`case_type`,`state`,`decision_due_on`,`decided_on`);--> statement-breakpoint
CREATE INDEX `cases_stats_agency_filed` ON `cases` (`agency_id`,`filed_on`,`case_type`,`state`,`decision_due_on`,`decided_on`);--> statement-breakpoint
CREATE INDEX `cases_stats_decided` ON `cases` (`decided_on`,`agency_id`,`case_type`,`decision_proposal_id`,`filed_on`,`decision_review_id`,`party_present_at_decision`,`service_due_on`,`served_on`);--> statement-breakpoint
CREATE INDEX `cases_stats_agency_decided` ON `cases` (`agency_id`,`decided_on`,`case_type`,`decision_proposal_id`,`filed_on`,`decision_review_id`,`party_present_at_decision`,`service_due_on`,`served_on`);--> statement-breakpoint
CREATE INDEX `cases_stats_closed` ON `cases` (`closed_on`,`agency_id`,`case_type`,`archived_on`);--> statement-breakpoint
CREATE INDEX `cases_stats_agency_closed` ON `cases` (`agency_id`,`closed_on`,`case_type`,`archived_on`);--> statement-breakpoint
CREATE INDEX `publications_stats_decided` ON `publications` (`decision_date`,`agency_id`,`case_type`,`status`,`due_on`,`published_on`);--> statement-breakpoint
CREATE INDEX `publications_stats_agency_decided` ON `publications` (`agency_id`,`decision_date`,`case_type`,`status`,`due_on`,`published_on`);--> statement-breakpoint
CREATE INDEX `publications_stats_changed` ON `publications` (`changed_on`,`agency_id`,`case_type`,`withdrawal_due_on`,`withdrawn_on`);--> statement-breakpoint
CREATE INDEX `publications_stats_agency_changed` ON `publications` (`agency_id`,`changed_on`,`case_type`,`withdrawal_due_on`,`withdrawn_on`);