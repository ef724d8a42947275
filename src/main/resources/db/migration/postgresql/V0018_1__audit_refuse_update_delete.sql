-- PostgreSQL only: audit entries and signed tree heads can be inserted, never changed or deleted.
create function audit_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'the audit log is append-only (% on %)', tg_op, tg_table_name;
end;
$$;

create trigger audit_entry_append_only before update or delete on audit_entry
    for each row execute function audit_refuse_change();

create trigger audit_tree_head_append_only before update or delete on audit_tree_head
    for each row execute function audit_refuse_change();
