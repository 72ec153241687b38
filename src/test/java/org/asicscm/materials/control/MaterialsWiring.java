package org.asicscm.materials.control;

import jakarta.persistence.EntityManager;
import java.time.Clock;

/** The materials control beans wired by hand, as the container would inject them. */
public final class MaterialsWiring {
    private MaterialsWiring() {}

    public static Boms boms(EntityManager em, Clock clock) {
        var boms = new Boms();
        boms.em = em;
        boms.clock = clock;
        return boms;
    }

    public static Items items(EntityManager em, Clock clock) {
        var items = new Items();
        items.em = em;
        items.clock = clock;
        return items;
    }
}
