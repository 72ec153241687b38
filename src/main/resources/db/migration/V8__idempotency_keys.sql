-- The answer to each POST sent with an Idempotency-Key, written in the request's own
-- transaction; kept a day (IdempotencySweeper).
create table idempotent_request (
    idempotency_key varchar(255)     not null primary key,
    fingerprint     varchar(64)      not null,
    status          integer          not null,
    content_type    varchar(200),
    location        varchar(2000),
    body            varchar(1000000) not null,
    created_at      timestamp with time zone not null
);
create index idempotent_request_created on idempotent_request (created_at);
