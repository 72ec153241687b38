/**
 * The event backbone: the catalogue of events between stages, the transactional outbox that
 * doubles as the event log, its relay to JMS and the consumers' inbox that makes them idempotent.
 */
package org.asicscm.events;
