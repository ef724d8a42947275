-- Progress reports (issue #9) for a whole mission or country as well as a programme: a report and a
-- schedule name their subject by kind (PROGRAMME, MISSION or COUNTRY) and id (the programme's or
-- mission's id, or the country's ISO code). Existing rows are programme reports. programme_id stays,
-- set only for programme reports; a schedule is unique per subject.
alter table report add column subject_kind varchar(10) default 'PROGRAMME' not null;
alter table report add column subject_id varchar(20);
update report set subject_id = cast(programme_id as varchar(20));
alter table report alter column subject_id set not null;
alter table report alter column programme_id drop not null;
alter table report add constraint report_subject_kind_check check (subject_kind in ('PROGRAMME', 'MISSION', 'COUNTRY'));
create index report_subject_idx on report (subject_kind, subject_id, created_at);

alter table report_schedule add column subject_kind varchar(10) default 'PROGRAMME' not null;
alter table report_schedule add column subject_id varchar(20);
update report_schedule set subject_id = cast(programme_id as varchar(20));
alter table report_schedule alter column subject_id set not null;
alter table report_schedule alter column programme_id drop not null;
alter table report_schedule add constraint report_schedule_subject_kind_check
    check (subject_kind in ('PROGRAMME', 'MISSION', 'COUNTRY'));
alter table report_schedule add constraint report_schedule_subject_unique unique (subject_kind, subject_id);
