-- The machine's bill of materials beyond chips (issue 14, first part): purchased items, and per
-- product BOM versions in two levels (per hashboard, per machine) with effective dates; a build
-- order keeps the version that was in force when it was opened.
create table item (
    code         varchar(40)  not null primary key,
    description  varchar(200) not null,
    kind         varchar(20)  not null,
    uom          varchar(4)   not null,
    lot_tracked  boolean      not null,
    created_at   timestamp with time zone not null,
    version      bigint       not null
);

create table bom_version (
    id              varchar(36)  not null primary key,
    product         varchar(40)  not null references product (code),
    version         integer      not null check (version > 0),
    effective_from  date         not null,
    note            varchar(200),
    created_by      varchar(64)  not null,
    created_at      timestamp with time zone not null,
    constraint bom_version_number unique (product, version)
);

create table bom_line (
    bom_id        varchar(36)   not null references bom_version (id),
    bom_level     varchar(10)   not null,
    item_code     varchar(40)   not null references item (code),
    quantity      numeric(12,3) not null check (quantity > 0),
    scrap_factor  numeric(5,4)  not null check (scrap_factor >= 0 and scrap_factor < 1),
    primary key (bom_id, bom_level, item_code)
);

alter table build_order add column bom_version integer;
