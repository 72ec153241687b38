/**
 * Allocation: chip models, wafer lots with good dies per bin, build orders and the dies
 * reserved for them. Publishes LotReceived, BuildOrderCreated, DiesAllocated,
 * AllocationReleased; consumes BuildScheduled and BoardAssembled (dies consumed).
 */
package org.asicscm.allocation;
