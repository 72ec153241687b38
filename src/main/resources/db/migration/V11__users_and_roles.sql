-- Who may sign in, and in which roles. Passwords are stored only as the platform's PBKDF2 hash
-- (Jakarta Security's Pbkdf2PasswordHash, "algorithm:iterations:salt:hash").
create table app_user (
    username      varchar(64)  not null primary key,
    display_name  varchar(120),
    password_hash varchar(400) not null,
    enabled       boolean      not null,
    created_at    timestamp with time zone not null,
    created_by    varchar(64)  not null,
    version       bigint       not null
);

create table app_user_role (
    username varchar(64) not null references app_user (username),
    role     varchar(20) not null,
    primary key (username, role),
    constraint app_user_role_known check (role in ('planner', 'qa', 'logistics', 'compliance', 'admin', 'auditor'))
);
