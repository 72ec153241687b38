/**
 * The benchmark tool (not tests): pipeline throughput through the running application, the
 * same work done by plain JDBC and JMS without an application server (the limit), and
 * start-up time and memory. Run with {@code ./mvnw -f war.pom.xml -Pbench verify}; see
 * docs/benchmarks.md.
 */
package org.asicscm.bench;
