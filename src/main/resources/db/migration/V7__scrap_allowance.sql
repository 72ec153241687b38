-- A board QA scraps used up its dies: the order may draw replacements up to its product's scrap
-- allowance (a percentage of the boards ordered, rounded up to whole boards).
alter table product add column scrap_allowance_percent numeric(5, 2) default 2.00 not null;
alter table product add constraint product_scrap_allowance check (scrap_allowance_percent between 0 and 50);
alter table build_order add column boards_scrapped integer default 0 not null;
alter table build_kit add column boards_scrapped integer default 0 not null;

-- A board QA scraps is posted to its factory's consignment as scrap (id "scrap-" + serial, so a
-- board is posted once), and no longer counted among the dies the factory returned in boards.
-- Boards scrapped before this version are posted here, so no factory's expected stock moves.
alter table consignment_movement alter column id set data type varchar(48);
insert into consignment_movement (id, factory_id, chip_model, kind, dies, reference, recorded_at)
select 'scrap-' || b.serial, l.factory_id, b.chip_model, 'SCRAPPED', b.dies,
       'board ' || b.serial || ' scrapped in QA', current_timestamp
  from hashboard b join assembly_line l on l.id = b.line_id
 where b.status = 'SCRAPPED';
update build_kit k set boards_scrapped = (select count(*) from hashboard b
 where b.build_order_id = k.build_order_id and b.status = 'SCRAPPED');
