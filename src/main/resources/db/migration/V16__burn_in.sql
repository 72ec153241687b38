-- Burn-in logs (issue 12): one upload per run, kept gzip-compressed beside its summary, the
-- verdict and the grade it gave the machine (docs/burn-in.md).
create table qa_burn_in (
    id              varchar(36)  not null primary key,
    serial          varchar(40)  not null references qa_unit (serial),
    test_id         varchar(36)  not null references qa_test (id),
    samples         integer      not null,
    chains          integer      not null,
    started_at      timestamp with time zone not null,
    ended_at        timestamp with time zone not null,
    hashrate_ths    numeric(9,3) not null,
    power_w         numeric(9,1) not null,
    efficiency_jth  numeric(9,3),
    max_chip_temp_c numeric(5,1) not null,
    errors          bigint       not null,
    passed          boolean      not null,
    grade_ths       numeric(9,1),
    grade_jth       numeric(9,2),
    log_gzip        bytea        not null,
    log_bytes       integer      not null,
    uploaded_by     varchar(64)  not null,
    uploaded_at     timestamp with time zone not null
);
create index qa_burn_in_serial on qa_burn_in (serial, uploaded_at);
