/**
 * Wiring shared by every stage: the datasource, schema migration at start-up, the broker client,
 * readiness, the REST application and problem-details error mapping. Owns no business data.
 */
package org.asicscm.platform;
