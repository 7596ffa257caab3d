CREATE TABLE `calendar_years` (
	`year` int NOT NULL,
	`arrangement` longtext NOT NULL,
	`loaded_by` varchar(100) NOT NULL,
	`loaded_at` datetime(3) NOT NULL,
	CONSTRAINT `calendar_years_year` PRIMARY KEY(`year`)
);
