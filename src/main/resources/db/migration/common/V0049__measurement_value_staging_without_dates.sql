-- Staged import rows no longer carry their period's dates: the blocks (V0046) and the rollups'
-- period map have them, and writing two dates per row was a part of every import's staging.
alter table value_staging drop column start_date;
alter table value_staging drop column end_date;
