-- Who changed what, when, under which correlation id: one row per entity a user's request
-- created, changed or deleted, written in the same transaction as the change. The application
-- only ever inserts here.
create table audit_entry (
    id             varchar(36)   not null primary key,
    at             timestamp with time zone not null,
    actor          varchar(64)   not null,
    action         varchar(10)   not null,
    entity         varchar(60)   not null,
    entity_id      varchar(200)  not null,
    changes        varchar(20000) not null,
    correlation_id varchar(64),
    constraint audit_entry_action check (action in ('created', 'updated', 'deleted'))
);
create index audit_entry_subject on audit_entry (entity, entity_id, at);
create index audit_entry_actor on audit_entry (actor, at);
create index audit_entry_at on audit_entry (at);
