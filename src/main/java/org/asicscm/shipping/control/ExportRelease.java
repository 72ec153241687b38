package org.asicscm.shipping.control;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.asicscm.compliance.control.Screening;
import org.asicscm.compliance.control.Screening.Party;
import org.asicscm.compliance.control.ScreeningLists;
import org.asicscm.compliance.entity.ScreeningDecision;
import org.asicscm.compliance.entity.ScreeningDecision.PartyRole;
import org.asicscm.compliance.entity.ScreeningList;
import org.asicscm.events.Events;
import org.asicscm.events.control.EventOutbox;
import org.asicscm.platform.RuleViolationException;
import org.asicscm.platform.UnknownEntityException;
import org.asicscm.shipping.entity.Customer;
import org.asicscm.shipping.entity.CustomerOrder;
import org.asicscm.shipping.entity.Shipment;
import org.asicscm.shipping.entity.ShippableMachine;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The export release gate. A shipment is released only when its order is paid (or a second
 * person approved its credit), every machine is packed and none is under a quality hold, every
 * party passed restricted-party screening on the list in force, and the destination allows it
 * (not embargoed; a licence number where the HS code needs one for that country).
 */
@Stateless
public class ExportRelease {

    /** The gate's conditions, in the order they are reported. */
    public enum Condition {
        PAYMENT("unpaid"),
        PACKING("not-packed"),
        QUALITY_HOLD("quality-hold"),
        SCREENING("screening-not-passed"),
        DESTINATION("embargoed-destination"),
        LICENCE("export-licence-required");

        private final String code;

        Condition(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    @PersistenceContext
    EntityManager em;

    @EJB
    ShippingService shipping;

    @EJB
    CustomerOrders orders;

    @EJB
    Packing packing;

    @EJB
    Screening screening;

    @EJB
    ScreeningLists lists;

    @EJB
    EventOutbox outbox;

    @Inject
    Clock clock;

    /**
     * HS codes (by prefix) that need an export licence to the listed countries:
     * "prefix=CC,CC;prefix=CC". The default asks for one for miners to Russia and Belarus.
     */
    @Inject
    @ConfigProperty(name = "scm.shipping.licence-rules", defaultValue = "8471=RU,BY;8543=RU,BY")
    String licenceRules;

    /** The parties a shipment names, each screened: the customer, the consignee, and the notify party and forwarder if named. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Party> parties(Shipment shipment) {
        Customer customer = shipping.customer(shipment.customerId());
        var parties = new ArrayList<Party>();
        parties.add(new Party(PartyRole.CUSTOMER, customer.name(), customer.country()));
        var named = shipment.parties();
        parties.add(
                named.consigneeName() != null
                        ? new Party(PartyRole.CONSIGNEE, named.consigneeName(), named.consigneeCountry())
                        : new Party(PartyRole.CONSIGNEE, customer.name(), customer.country()));
        if (named.notifyName() != null) {
            parties.add(new Party(PartyRole.NOTIFY_PARTY, named.notifyName(), named.notifyCountry()));
        }
        if (named.forwarderName() != null) {
            parties.add(new Party(PartyRole.FORWARDER, named.forwarderName(), named.forwarderCountry()));
        }
        return parties;
    }

    /** Screens the shipment's parties against the list in force. */
    public List<ScreeningDecision> screen(String shipmentId, String actor) {
        Shipment shipment = locked(shipmentId);
        refuseReleased(shipment);
        return screening.screen(shipmentId, parties(shipment), actor);
    }

    /** A second person (not the one who booked it) lets the shipment go before it is paid. */
    public Shipment approveCredit(String shipmentId, String note, String actor) {
        Shipment shipment = locked(shipmentId);
        refuseReleased(shipment);
        try {
            shipment.approveCredit(actor, note, now());
        } catch (Shipment.SecondPersonRequired e) {
            throw new RuleViolationException("second-person-required", "shipment", e.getMessage());
        }
        return shipment;
    }

    /** The conditions that keep the shipment from release, each with why; empty when it may go. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Map<Condition, String> unmet(String shipmentId, String licence) {
        Shipment shipment = shipping.shipment(shipmentId);
        var unmet = new LinkedHashMap<Condition, String>();
        String payment = payment(shipment);
        if (payment != null) {
            unmet.put(Condition.PAYMENT, payment);
        }
        List<String> serials = shipping.machinesOn(shipmentId).stream()
                .map(ShippableMachine::serial)
                .toList();
        Set<String> packed = packing.packedSerials(shipmentId);
        List<String> unpacked =
                serials.stream().filter(s -> !packed.contains(s)).toList();
        if (!unpacked.isEmpty()) {
            unmet.put(
                    Condition.PACKING,
                    unpacked.size() + " of " + serials.size() + " machines not packed: " + first(unpacked));
        }
        List<String> held =
                serials.stream().filter(s -> !shipping.holdsOn(s).isEmpty()).toList();
        if (!held.isEmpty()) {
            unmet.put(Condition.QUALITY_HOLD, "under quality hold: " + first(held));
        }
        var screen = screening.blocking(shipmentId, parties(shipment));
        if (!screen.isEmpty()) {
            unmet.put(
                    Condition.SCREENING,
                    screen.entrySet().stream()
                            .map(e -> e.getKey() + ": " + e.getValue())
                            .collect(Collectors.joining("; ")));
        }
        if (shipping.isEmbargoed(shipment.destinationCountry())) {
            unmet.put(Condition.DESTINATION, "shipments to " + shipment.destinationCountry() + " are embargoed");
        }
        String licensed = licence != null ? licence : shipment.exportLicence();
        if (licensed == null && needsLicence(shipment.hsCode(), shipment.destinationCountry())) {
            unmet.put(
                    Condition.LICENCE,
                    "HS " + shipment.hsCode() + " to " + shipment.destinationCountry()
                            + " needs an export licence number");
        }
        return unmet;
    }

    /** Releases the shipment, or refuses (409) naming the first unmet condition and listing them all. */
    public Shipment release(String shipmentId, String licence, String actor) {
        Shipment shipment = locked(shipmentId);
        refuseReleased(shipment);
        var unmet = unmet(shipmentId, licence);
        if (!unmet.isEmpty()) {
            var first = unmet.entrySet().iterator().next();
            var details = new LinkedHashMap<String, Object>();
            unmet.forEach((condition, why) -> details.put(condition.code(), why));
            throw new RuleViolationException(
                    first.getKey().code(),
                    "shipment",
                    "shipment " + shipmentId + " cannot be released: " + first.getValue(),
                    Map.of("unmet", details));
        }
        shipment.release(actor, licence, now());
        String listVersion = lists.inForce().map(ScreeningList::version).orElseThrow();
        outbox.publish(
                new Events.ShipmentReleased(
                        shipmentId,
                        shipment.orderId(),
                        listVersion,
                        licence,
                        shipping.machinesOn(shipmentId).stream()
                                .map(ShippableMachine::serial)
                                .toList()),
                shipment.correlationId(),
                null);
        return shipment;
    }

    private String payment(Shipment shipment) {
        if (shipment.creditApprovedBy() != null) {
            return null;
        }
        if (shipment.orderId() == null) {
            return "no customer order and no credit approval";
        }
        CustomerOrder order = orders.order(shipment.orderId());
        var paid = orders.paid(order.id());
        if (paid.compareTo(order.total()) < 0) {
            return "order " + order.orderNumber() + " is paid " + paid + " of " + order.total() + " " + order.currency()
                    + ", and its credit is not approved";
        }
        return null;
    }

    boolean needsLicence(String hsCode, String country) {
        String digits = hsCode.replace(".", "");
        for (String rule : licenceRules.split(";")) {
            String[] parts = rule.split("=");
            if (parts.length != 2) {
                continue;
            }
            String prefix = parts[0].strip().replace(".", "");
            boolean countryListed =
                    Arrays.stream(parts[1].split(",")).map(String::strip).anyMatch(country::equals);
            if (!prefix.isEmpty() && digits.startsWith(prefix) && countryListed) {
                return true;
            }
        }
        return false;
    }

    private Shipment locked(String shipmentId) {
        Shipment shipment = em.find(Shipment.class, shipmentId, LockModeType.PESSIMISTIC_WRITE);
        if (shipment == null) {
            throw new UnknownEntityException("shipment", shipmentId);
        }
        return shipment;
    }

    private static void refuseReleased(Shipment shipment) {
        if (shipment.isReleased()) {
            throw new RuleViolationException(
                    "already-released",
                    "shipment",
                    "shipment " + shipment.id() + " was released at " + shipment.releasedAt());
        }
    }

    private static String first(List<String> serials) {
        return serials.size() <= 5 ? String.join(", ", serials) : String.join(", ", serials.subList(0, 5)) + " …";
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
