-- Parts stock (issue 14, second part): purchase orders with expected dates, receipts against
-- their lines by supplier lot, stock per item, location (CENTRAL, or a factory's consignment)
-- and lot, and every movement that changed it.
create table purchase_order (
    id          varchar(36)  not null primary key,
    po_number   varchar(40)  not null unique,
    supplier    varchar(120) not null,
    created_by  varchar(64)  not null,
    created_at  timestamp with time zone not null,
    version     bigint       not null
);

create table purchase_order_line (
    id           varchar(36)   not null primary key,
    po_id        varchar(36)   not null references purchase_order (id),
    line_no      integer       not null,
    item_code    varchar(40)   not null references item (code),
    quantity     numeric(14,3) not null check (quantity > 0),
    received     numeric(14,3) not null check (received >= 0),
    expected_on  date          not null,
    version      bigint        not null,
    constraint purchase_order_line_no unique (po_id, line_no)
);

create table part_stock (
    item_code     varchar(40)   not null references item (code),
    location      varchar(40)   not null,
    supplier_lot  varchar(40)   not null,
    quantity      numeric(14,3) not null check (quantity >= 0),
    version       bigint        not null,
    primary key (item_code, location, supplier_lot)
);

create table part_movement (
    id            varchar(36)   not null primary key,
    item_code     varchar(40)   not null,
    location      varchar(40)   not null,
    supplier_lot  varchar(40)   not null,
    quantity      numeric(14,3) not null,
    kind          varchar(12)   not null,
    reference     varchar(80),
    actor         varchar(64)   not null,
    moved_at      timestamp with time zone not null
);
create index part_movement_item on part_movement (item_code, location, moved_at);
