-- Factories beyond Bao'an: the sub-district is one attribute of where a factory is, no longer the
-- only one. Plans, shifts and closures are dates in the factory's own time zone.
alter table factory add column country varchar(2) default 'CN' not null;
alter table factory add column city varchar(60);
alter table factory add column district varchar(60);
alter table factory add column time_zone varchar(40) default 'Asia/Shanghai' not null;
alter table factory alter column sub_district set data type varchar(60);
alter table factory alter column sub_district drop not null;
update factory set city = 'Shenzhen', district = 'Bao''an';
