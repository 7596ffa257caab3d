CREATE INDEX `agency_links_agency` ON `agency_links` (`agency_id`,`uscc`);--> statement-breakpoint
CREATE INDEX `results_stats_completed` ON `inspection_results` (`completed_on`,`agency_uscc`,`item_code`,`result_code`,`problems_found`,`published_on`,`publication_due_on`);--> statement-breakpoint
CREATE INDEX `results_stats_agency_completed` ON `inspection_results` (`agency_uscc`,`completed_on`,`item_code`,`result_code`,`problems_found`,`published_on`,`publication_due_on`);--> statement-breakpoint
CREATE INDEX `tasks_stats_drawn` ON `inspection_tasks` (`drawn_at`,`agency_uscc`,`item_code`,`status`,`object_candidates`);--> statement-breakpoint
CREATE INDEX `tasks_stats_agency_drawn` ON `inspection_tasks` (`agency_uscc`,`drawn_at`,`item_code`,`status`,`object_candidates`);