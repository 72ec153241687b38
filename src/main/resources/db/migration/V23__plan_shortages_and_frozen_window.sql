-- Material availability in the plan (issue 14, item 3): the parts an order lacked when it was
-- last planned, and the days at each factory a re-plan leaves as they are (item 5).
create table plan_shortage (
    id              varchar(36)   not null primary key,
    build_order_id  varchar(36)   not null,
    item_code       varchar(40)   not null references item (code),
    factory_id      varchar(36)   not null references factory (id),
    quantity        bigint        not null check (quantity > 0),
    needed_on       date          not null,
    planned_at      timestamp with time zone not null
);
create index plan_shortage_order on plan_shortage (build_order_id);
create index plan_shortage_day on plan_shortage (factory_id, needed_on);

alter table factory add column frozen_days integer default 0 not null;
alter table factory add constraint factory_frozen_days check (frozen_days between 0 and 60);

-- What-if scenarios (item 4): kept as they were asked, so the one compared is the one applied.
create table plan_scenario (
    id          varchar(36)    not null primary key,
    name        varchar(120)   not null,
    body        varchar(100000) not null,
    created_by  varchar(64)    not null,
    created_at  timestamp with time zone not null,
    applied_by  varchar(64),
    applied_at  timestamp with time zone,
    version     bigint         not null
);
