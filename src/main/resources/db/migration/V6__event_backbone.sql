-- The event backbone without two-phase commit (issue 9): relays take turns through one row,
-- consumers park what they cannot apply as dead letters that people can replay or discard.

-- one row: the relay that holds its lock is the only one sending, across instances
create table outbox_relay_lock (
    id          integer not null primary key,
    holder      varchar(64)
);
insert into outbox_relay_lock (id, holder) values (1, null);

create table dead_letter (
    id              varchar(36)   not null primary key,
    consumer        varchar(32)   not null,
    event_id        varchar(36),
    event_type      varchar(64),
    correlation_id  varchar(64),
    message         varchar(8000) not null,
    error           varchar(2000) not null,
    attempts        integer       not null,
    first_failed_at timestamp with time zone not null,
    last_failed_at  timestamp with time zone not null,
    status          varchar(16)   not null,
    resolved_at     timestamp with time zone,
    resolution      varchar(500),
    version         integer       not null default 0
);
create index dead_letter_open on dead_letter (status, first_failed_at);
create index dead_letter_event on dead_letter (consumer, event_id);

-- a stage's inbox and the event log look events up by id alone: without this index each such
-- lookup read every processed event of the consumer (the primary key leads with the consumer)
create index processed_event_event on processed_event (event_id);

-- PostgreSQL does not index the referencing side of a foreign key (H2 does, by itself): every
-- board reads its order's kit lines and schedules, every QA test its unit's earlier tests
create index kit_line_order on kit_line (build_order_id);
create index build_schedule_order on build_schedule (build_order_id);
create index qa_test_serial on qa_test (serial);
