CREATE TABLE `evaluations` (
	`user_id` text NOT NULL,
	`period` text NOT NULL,
	`grade` text NOT NULL,
	`comment` text DEFAULT '' NOT NULL,
	`branch_id` text NOT NULL,
	`evaluated_by` text,
	`evaluated_at` integer NOT NULL,
	PRIMARY KEY(`user_id`, `period`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`branch_id`) REFERENCES `org_units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`evaluated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `evaluations_period_idx` ON `evaluations` (`period`,`branch_id`);