CREATE TABLE `committee_members` (
	`branch_id` text NOT NULL,
	`user_id` text NOT NULL,
	`post` text NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`branch_id`, `user_id`),
	FOREIGN KEY (`branch_id`) REFERENCES `org_units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
