-- Finite-capacity scheduling: a line's capacity per product, factory and line calendars
-- (closed days, lines down), the plan shift by shift, and what assembly knows of an order's
-- lateness and of dies on quality hold.

create table line_capacity (
    line_id           varchar(36) not null references assembly_line (id),
    product           varchar(40) not null,
    boards_per_shift  integer     not null check (boards_per_shift > 0),
    primary key (line_id, product)
);

-- a whole factory closed (line_id null) or one line down, first_day to last_day inclusive
create table calendar_closure (
    id           varchar(36)  not null primary key,
    factory_id   varchar(36)  not null references factory (id),
    line_id      varchar(36)  references assembly_line (id),
    first_day    date         not null,
    last_day     date         not null,
    reason       varchar(300) not null,
    recorded_at  timestamp with time zone not null,
    constraint calendar_closure_days check (last_day >= first_day)
);
create index calendar_closure_factory on calendar_closure (factory_id, last_day);

create table schedule_slot (
    id           varchar(36) not null primary key,
    schedule_id  varchar(36) not null references build_schedule (id),
    line_id      varchar(36) not null references assembly_line (id),
    work_day     date        not null,
    shift        integer     not null check (shift between 1 and 3),
    boards       integer     not null check (boards > 0)
);
create index schedule_slot_line_day on schedule_slot (line_id, work_day);
create index schedule_slot_schedule on schedule_slot (schedule_id);

alter table build_kit add column planned_end date;
alter table build_kit add column days_late integer default 0 not null;
alter table build_kit add column unplaced_boards integer default 0 not null;

alter table kit_line add column on_hold boolean default false not null;

-- one planner run at a time, across every instance sharing the database
create table planning_lock (
    name  varchar(20) not null primary key
);
insert into planning_lock (name) values ('schedule');
