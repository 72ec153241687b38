package org.asicscm.it;

import java.io.File;
import java.util.UUID;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The container tests deploy the WAR the build produced, exactly as it ships. */
public final class Deployments {
    private Deployments() {}

    public static WebArchive application() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("it.war")));
    }

    /** A suffix that keeps each test's numbers apart from earlier runs on the same database. */
    public static String unique() {
        return UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }
}
