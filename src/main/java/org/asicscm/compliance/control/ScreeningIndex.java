package org.asicscm.compliance.control;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.asicscm.compliance.entity.ListedParty;
import org.asicscm.compliance.entity.ScreeningList;

/**
 * The list in force, indexed in memory: built once per list (each instance builds its own on first
 * use, so instances sharing a database follow a new list without being told).
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ScreeningIndex {

    /** A list's matcher and its rows, by the position the matcher reports. */
    public record Indexed(String listId, NameMatcher matcher, List<ListedParty> rows) {}

    @PersistenceContext
    EntityManager em;

    private volatile Indexed current;

    public Indexed of(ScreeningList list) {
        Indexed indexed = current;
        if (indexed != null && indexed.listId().equals(list.id())) {
            return indexed;
        }
        synchronized (this) {
            if (current == null || !current.listId().equals(list.id())) {
                current = build(list.id());
            }
            return current;
        }
    }

    private Indexed build(String listId) {
        List<ListedParty> rows = em.createNamedQuery(ListedParty.OF_LIST, ListedParty.class)
                .setParameter("listId", listId)
                .getResultList();
        var listed = new java.util.ArrayList<NameMatcher.Listed>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            listed.add(new NameMatcher.Listed(i, rows.get(i).names()));
        }
        return new Indexed(listId, new NameMatcher(listed), List.copyOf(rows));
    }
}
