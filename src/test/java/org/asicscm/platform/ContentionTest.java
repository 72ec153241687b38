package org.asicscm.platform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBException;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.PessimisticLockException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** What ProblemMappers answers 503 with Retry-After (not 500): a request that waited too long for a lock. */
class ContentionTest {

    @Test
    void lockTimeoutsAndDeadlocksOnEitherDatabaseAreContention() {
        var h2Timeout = new SQLException("Timeout trying to lock table", "HYT00", 50200);
        assertTrue(ProblemMappers.isContention(new EJBException(new PersistenceException("wrapped", h2Timeout))));
        assertTrue(ProblemMappers.isContention(new PersistenceException(new SQLException("lock", "55P03"))));
        assertTrue(ProblemMappers.isContention(new PersistenceException(new SQLException("deadlock", "40P01"))));
        assertTrue(ProblemMappers.isContention(new EJBException(new PessimisticLockException("row locked"))));
    }

    @Test
    void otherDatabaseFailuresAreNot() {
        assertFalse(ProblemMappers.isContention(new PersistenceException(new SQLException("duplicate", "23505"))));
        assertFalse(ProblemMappers.isContention(new IllegalStateException("boom")));
    }
}
