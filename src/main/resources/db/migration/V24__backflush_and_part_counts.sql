-- Parts taken at assembly (issue 14, item 2): what a board or machine took that its factory did
-- not have on record is kept as unposted until a count settles it; counts set the stock to what
-- was found and keep the variance.
create table part_shortfall (
    id           varchar(36)   not null primary key,
    item_code    varchar(40)   not null references item (code),
    location     varchar(40)   not null,
    quantity     numeric(14,3) not null check (quantity > 0),
    reference    varchar(80)   not null,
    recorded_at  timestamp with time zone not null,
    settled_at   timestamp with time zone,
    settled_by   varchar(64)
);
create index part_shortfall_open on part_shortfall (item_code, location, settled_at);

create table part_count (
    id            varchar(36)   not null primary key,
    item_code     varchar(40)   not null references item (code),
    location      varchar(40)   not null,
    supplier_lot  varchar(40)   not null,
    on_record     numeric(14,3) not null,
    counted       numeric(14,3) not null check (counted >= 0),
    unposted      numeric(14,3) not null,
    note          varchar(300),
    counted_by    varchar(64)   not null,
    counted_at    timestamp with time zone not null
);

-- A factory may be let to use parts beyond its record (the record catches up at the next count):
-- a consumption beyond it is then kept as a shortfall instead of refused.
alter table factory add column negative_parts boolean default false not null;
