CREATE TABLE `points_ledger` (
	`user_id` text NOT NULL,
	`rule` text NOT NULL,
	`source` text NOT NULL,
	`points` integer NOT NULL,
	`day` text NOT NULL,
	`at` integer NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`user_id`, `rule`, `source`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `points_ledger_user_day_idx` ON `points_ledger` (`user_id`,`day`);--> statement-breakpoint
CREATE INDEX `points_ledger_day_idx` ON `points_ledger` (`day`);