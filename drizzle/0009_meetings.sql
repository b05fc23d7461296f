CREATE TABLE `meeting_checkins` (
	`meeting_id` text NOT NULL,
	`user_id` text NOT NULL,
	`at` integer NOT NULL,
	`via` text NOT NULL,
	`received_at` integer NOT NULL,
	PRIMARY KEY(`meeting_id`, `user_id`),
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `meeting_checkins_user_idx` ON `meeting_checkins` (`user_id`);--> statement-breakpoint
CREATE TABLE `meeting_leaves` (
	`meeting_id` text NOT NULL,
	`user_id` text NOT NULL,
	`reason` text NOT NULL,
	`status` text NOT NULL,
	`asked_at` integer NOT NULL,
	`decided_by` text,
	`decided_at` integer,
	PRIMARY KEY(`meeting_id`, `user_id`),
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `meeting_leaves_user_idx` ON `meeting_leaves` (`user_id`);--> statement-breakpoint
CREATE TABLE `meeting_makeups` (
	`meeting_id` text NOT NULL,
	`user_id` text NOT NULL,
	`done_at` integer NOT NULL,
	PRIMARY KEY(`meeting_id`, `user_id`),
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `meeting_makeups_user_idx` ON `meeting_makeups` (`user_id`);--> statement-breakpoint
CREATE TABLE `meeting_marks` (
	`meeting_id` text NOT NULL,
	`user_id` text NOT NULL,
	`status` text NOT NULL,
	`reason` text,
	`note` text DEFAULT '' NOT NULL,
	`marked_by` text,
	`marked_at` integer NOT NULL,
	PRIMARY KEY(`meeting_id`, `user_id`),
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`marked_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `meetings` (
	`id` text PRIMARY KEY NOT NULL,
	`branch_id` text NOT NULL,
	`type` text NOT NULL,
	`title` text NOT NULL,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`place` text DEFAULT '' NOT NULL,
	`host` text DEFAULT '' NOT NULL,
	`audience` text NOT NULL,
	`agenda` text DEFAULT '' NOT NULL,
	`materials` text DEFAULT '[]' NOT NULL,
	`grace_min` integer DEFAULT 5 NOT NULL,
	`secret` text NOT NULL,
	`minutes` text DEFAULT '' NOT NULL,
	`series_id` text,
	`closed_at` integer,
	`created_by` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`branch_id`) REFERENCES `org_units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `meetings_branch_idx` ON `meetings` (`branch_id`,`starts_at`);--> statement-breakpoint
CREATE INDEX `meetings_starts_idx` ON `meetings` (`starts_at`);