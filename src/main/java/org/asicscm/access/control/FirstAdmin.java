package org.asicscm.access.control;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.List;
import java.util.logging.Logger;
import org.asicscm.platform.Roles;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * On a database without users, creates the first admin from {@code SCM_ADMIN_USER} and
 * {@code SCM_ADMIN_PASSWORD}; no password is built in anywhere. Without them nobody can sign
 * in, and the log says so at every start until a user exists.
 */
@Startup
@Singleton
@DependsOn("SchemaMigration")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class FirstAdmin {
    private static final Logger LOG = Logger.getLogger(FirstAdmin.class.getName());

    @EJB
    Users users;

    @PostConstruct
    void createIfNone() {
        if (users.count() > 0) {
            return;
        }
        var config = ConfigProvider.getConfig();
        var name = config.getOptionalValue("scm.admin.user", String.class);
        var password = config.getOptionalValue("scm.admin.password", String.class);
        if (name.isEmpty() || password.isEmpty()) {
            LOG.warning("no users yet and SCM_ADMIN_USER / SCM_ADMIN_PASSWORD not set: nobody can sign in");
            return;
        }
        try {
            users.create(name.get(), "First admin", password.get(), List.of(Roles.ADMIN), "system");
            LOG.info(() -> "first admin " + name.get() + " created");
        } catch (RuntimeException e) {
            // another instance on the same database created one a moment ago, or the values are unusable
            LOG.warning("first admin " + name.get() + " not created: " + e.getCause());
        }
    }
}
