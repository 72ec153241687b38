-- QA's genealogy and counters for what was built before QA kept them (issue 12), from the
-- assembly, allocation, QA and shipping tables as they stand, so that an upgraded installation
-- recalls and traces the machines it already has. Not recorded then, and left empty: a board's
-- chain in its machine, its shift, the control-board and PSU lots. A board's die sources fill
-- its chip positions in the order of their allocation ids. On a new database every table is
-- empty and this changes nothing.

insert into qa_order (build_order_id, order_number, product, chips_per_board)
select o.id, o.order_number, o.product, o.chips_per_board
from build_order o
where not exists (select 1 from qa_order q where q.build_order_id = o.id);

update qa_unit set product = (select q.product from qa_order q where q.build_order_id = qa_unit.build_order_id)
where product is null;

update qa_unit
set first_pass = (select t.outcome = 'PASSED' from qa_test t where t.serial = qa_unit.serial and t.attempt = 1),
    first_tested_at = (select t.tested_at from qa_test t where t.serial = qa_unit.serial and t.attempt = 1),
    factory_failures = (select count(*) from qa_test t where t.serial = qa_unit.serial and t.outcome = 'FAILED'),
    passed_at_factory = exists (select 1 from qa_test t where t.serial = qa_unit.serial and t.outcome = 'PASSED'),
    rework_loops = (select count(*) from qa_disposition d where d.serial = qa_unit.serial and d.action = 'REWORK')
where first_pass is null and exists (select 1 from qa_test t where t.serial = qa_unit.serial);

insert into gen_board (serial, build_order_id, chip_model, line_id, line_code, factory_id, shift, assembled_at,
                       machine_serial, chain)
select h.serial, h.build_order_id, h.chip_model, h.line_id, l.code, l.factory_id, null, h.assembled_at,
       h.machine_serial, null
from hashboard h
join assembly_line l on l.id = h.line_id
where not exists (select 1 from gen_board g where g.serial = h.serial);

insert into gen_die_run (board_serial, first_chip, last_chip, lot_id, lot_number, bin, rework_id)
select s.board_serial, s.upto - s.dies, s.upto - 1, s.lot_id, s.lot_number, s.bin, null
from (select d.board_serial, d.lot_id, d.lot_number, d.bin, d.dies,
             sum(d.dies) over (partition by d.board_serial order by d.allocation_id) upto
      from board_die_source d) s
where not exists (select 1 from gen_die_run r where r.board_serial = s.board_serial);

insert into gen_machine (serial, build_order_id, control_board_serial, control_board_lot, psu_serial, psu_lot,
                         assembled_at, shipment_id, customer_id, customer_name, destination_country, shipped_at,
                         delivered_at)
select m.serial, m.build_order_id, m.control_board_serial, null, m.psu_serial, null, m.assembled_at,
       s.id, c.id, c.name, s.destination_country, s.booked_at,
       (select max(ms.occurred_at) from shipment_milestone ms where ms.shipment_id = s.id and ms.milestone = 'DELIVERED')
from machine m
left join shippable_machine sm on sm.serial = m.serial
left join shipment s on s.id = sm.shipment_id
left join customer c on c.id = s.customer_id
where not exists (select 1 from gen_machine g where g.serial = m.serial);
