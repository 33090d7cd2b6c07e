-- A projection's tables are written only by its own handlers, which never write a journey's rows before the
-- journey's own (ProjectionWrites skips an event of a journey it has no row for). The foreign keys between them
-- checked nothing the handlers do not already ensure, and cost more than the rows themselves: each inserted row
-- looked up and locked its parent, 15 of 24 µs per milestone in a rebuild (docs/decisions, deploy/bench).
-- A reset now deletes from each of the projection's tables instead of cascading from its journeys.
do $$
declare
    foreign_key record;
begin
    for foreign_key in
        select conrelid::regclass as table_name, conname as name
        from pg_constraint
        where contype = 'f'
          and (conrelid::regclass::text like 'timeline\_%' or conrelid::regclass::text like 'caseload\_%'
               or conrelid::regclass::text like 'outcomes\_%')
    loop
        execute format('alter table %s drop constraint %I', foreign_key.table_name, foreign_key.name);
    end loop;
end
$$;
