package org.asicscm.testing;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The application's persistence unit outside the container, for unit tests of the control
 * services: the same entities, the same migrations and the same JPA provider, on a fresh H2
 * database in memory, with resource-local transactions the test opens where the container
 * would. One entity manager, shared by every service a test wires, as the container shares the
 * transaction's persistence context.
 */
public final class ControlDatabase implements AutoCloseable {
    private final EntityManagerFactory factory;
    private final EntityManager em;
    private final JdbcDataSource dataSource;

    public ControlDatabase() {
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:control-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        factory = Persistence.createEntityManagerFactory(
                "scm",
                Map.of(
                        "jakarta.persistence.transactionType", "RESOURCE_LOCAL",
                        "jakarta.persistence.jtaDataSource", "",
                        "jakarta.persistence.nonJtaDataSource", dataSource,
                        "eclipselink.target-server", "None",
                        "eclipselink.logging.level", "WARNING"));
        em = factory.createEntityManager();
    }

    public EntityManager em() {
        return em;
    }

    /** The database itself, for what the container would look up as java:app/jdbc/scm. */
    public javax.sql.DataSource dataSource() {
        return dataSource;
    }

    /** Runs the work in one transaction, as a container-managed one would: commit, or roll back on any exception. */
    public <T> T inTransaction(Supplier<T> work) {
        var transaction = em.getTransaction();
        transaction.begin();
        try {
            T result = work.get();
            transaction.commit();
            return result;
        } catch (RuntimeException | Error e) {
            if (transaction.isActive()) {
                transaction.rollback();
            }
            // as after a container rollback: the next transaction reads the database afresh
            em.clear();
            throw e;
        }
    }

    public void inTransaction(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }

    /** Reads what is committed, not what this entity manager remembers. */
    public <T> T fresh(Supplier<T> read) {
        em.clear();
        return read.get();
    }

    @Override
    public void close() {
        em.close();
        factory.close();
    }
}
