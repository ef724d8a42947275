-- A running import's process refreshes heartbeat_at every few seconds. An import whose heartbeat
-- has stopped was cut off with its process (its transaction never committed) and is marked failed
-- by any server; an import running on another server keeps beating and is left alone.
alter table import_job add column heartbeat_at timestamp with time zone;
