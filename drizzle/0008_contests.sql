CREATE TABLE `contest_answers` (
	`contest_id` text NOT NULL,
	`question_id` text NOT NULL,
	`player_id` text NOT NULL,
	`response` text NOT NULL,
	`at` integer NOT NULL,
	PRIMARY KEY(`contest_id`, `question_id`, `player_id`),
	FOREIGN KEY (`contest_id`) REFERENCES `contests`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `contest_events` (
	`contest_id` text NOT NULL,
	`seq` integer NOT NULL,
	`event` text NOT NULL,
	`at` integer NOT NULL,
	PRIMARY KEY(`contest_id`, `seq`),
	FOREIGN KEY (`contest_id`) REFERENCES `contests`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `contests` (
	`id` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`owner_unit_id` text NOT NULL,
	`code` text NOT NULL,
	`plan` text NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL,
	`ended_at` integer,
	FOREIGN KEY (`owner_unit_id`) REFERENCES `org_units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `contests_code_idx` ON `contests` (`code`);