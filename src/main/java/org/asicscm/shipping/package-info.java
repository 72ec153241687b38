/**
 * Shipping: customers abroad, machines ready to ship, export shipments and their milestones
 * from booked to delivered. Consumes MachineReadyToShip; publishes ShipmentBooked and
 * ShipmentMilestoneReached.
 */
package org.asicscm.shipping;
