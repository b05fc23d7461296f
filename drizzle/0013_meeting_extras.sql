ALTER TABLE `meetings` ADD `photos` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `meetings` ADD `makeup_exam_id` text REFERENCES exams(id);