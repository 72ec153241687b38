-- Counted on every publish and never read: the event log's publishedAt and the consumers'
-- inbox say what an operator needs.
alter table event_log drop column publish_attempts;
