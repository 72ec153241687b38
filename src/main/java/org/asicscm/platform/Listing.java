package org.asicscm.platform;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;

/**
 * A filtered, sorted, paged list of one entity: the same filters count the total and select the
 * page, and a unique attribute breaks ties so that pages neither repeat nor skip a row.
 */
public final class Listing<E> {
    private final EntityManager em;
    private final Class<E> type;
    private final String uniqueAttribute;
    private final List<BiFunction<CriteriaBuilder, Root<E>, Predicate>> filters = new ArrayList<>();

    public Listing(EntityManager em, Class<E> type, String uniqueAttribute) {
        this.em = em;
        this.type = type;
        this.uniqueAttribute = uniqueAttribute;
    }

    /** Only rows whose attribute equals the value; no filter when the value is null. */
    public Listing<E> equal(String attribute, Object value) {
        if (value != null) {
            filters.add((cb, root) -> cb.equal(root.get(attribute), value));
        }
        return this;
    }

    public <Y extends Comparable<? super Y>> Listing<E> atLeast(String attribute, Y value) {
        if (value != null) {
            filters.add((cb, root) -> cb.greaterThanOrEqualTo(root.get(attribute), value));
        }
        return this;
    }

    public <Y extends Comparable<? super Y>> Listing<E> before(String attribute, Y value) {
        if (value != null) {
            filters.add((cb, root) -> cb.lessThan(root.get(attribute), value));
        }
        return this;
    }

    public <Y extends Comparable<? super Y>> Listing<E> atMost(String attribute, Y value) {
        if (value != null) {
            filters.add((cb, root) -> cb.lessThanOrEqualTo(root.get(attribute), value));
        }
        return this;
    }

    /** Only rows whose attribute is null (true) or set (false); no filter when null. */
    public Listing<E> isNull(String attribute, Boolean isNull) {
        if (isNull != null) {
            filters.add((cb, root) -> isNull ? cb.isNull(root.get(attribute)) : cb.isNotNull(root.get(attribute)));
        }
        return this;
    }

    /** Only rows whose attribute contains the text, ignoring case. */
    public Listing<E> containing(String attribute, String text) {
        if (text != null && !text.isBlank()) {
            String pattern = "%"
                    + text.strip()
                            .toLowerCase(Locale.ROOT)
                            .replace("\\", "\\\\")
                            .replace("%", "\\%")
                            .replace("_", "\\_")
                    + "%";
            filters.add((cb, root) -> cb.like(cb.lower(root.get(attribute)), pattern, '\\'));
        }
        return this;
    }

    public Page<E> page(PageRequest request) {
        var cb = em.getCriteriaBuilder();
        var count = cb.createQuery(Long.class);
        var counted = count.from(type);
        count.select(cb.count(counted)).where(predicates(cb, counted));
        long total = em.createQuery(count).getSingleResult();

        var select = cb.createQuery(type);
        var root = select.from(type);
        var orders = new ArrayList<jakarta.persistence.criteria.Order>();
        for (PageRequest.Order order : request.sort()) {
            orders.add(order.descending() ? cb.desc(root.get(order.field())) : cb.asc(root.get(order.field())));
        }
        orders.add(cb.asc(root.get(uniqueAttribute)));
        select.select(root).where(predicates(cb, root)).orderBy(orders);
        List<E> items = total <= request.offset()
                ? List.of()
                : em.createQuery(select)
                        .setFirstResult(request.offset())
                        .setMaxResults(request.size())
                        .getResultList();
        return new Page<>(items, request.page(), request.size(), total);
    }

    private Predicate[] predicates(CriteriaBuilder cb, Root<E> root) {
        return filters.stream().map(f -> f.apply(cb, root)).toArray(Predicate[]::new);
    }
}
