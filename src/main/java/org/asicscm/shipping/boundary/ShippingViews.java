package org.asicscm.shipping.boundary;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.asicscm.shipping.entity.Customer;
import org.asicscm.shipping.entity.Milestone;
import org.asicscm.shipping.entity.Shipment;
import org.asicscm.shipping.entity.ShipmentLeg;
import org.asicscm.shipping.entity.ShipmentMilestone;
import org.asicscm.shipping.entity.ShippableMachine;

/** What the shipping resources take and answer: their own records, never the entities. */
public final class ShippingViews {

    static final String COUNTRY = "[A-Z]{2}";
    static final String LOCODE = "[A-Z]{2}[A-Z2-9]{3}";

    public record CustomerRequest(
            @NotBlank @Size(max = 120) String name,

            @NotNull @Size(max = 2) @Pattern(regexp = COUNTRY)
            String country) {
        // explicit, so the constraints stay off the constructor parameters (README: Payara OpenAPI)
        public CustomerRequest(String name, String country) {
            this.name = name;
            this.country = country;
        }
    }

    public record CustomerView(String id, String name, String country) {
        static CustomerView of(Customer c) {
            return new CustomerView(c.id(), c.name(), c.country());
        }
    }

    /** product and grade (TH/s and J/TH bands, from burn-in) are what it sells as; reservedOrderId once reserved. */
    public record ShippableView(
            String serial,
            String buildOrderId,
            String product,
            java.math.BigDecimal gradeThs,
            java.math.BigDecimal gradeJth,
            String reservedOrderId,
            String shipmentId,
            OffsetDateTime readyAt) {
        static ShippableView of(ShippableMachine m) {
            return new ShippableView(
                    m.serial(),
                    m.buildOrderId(),
                    m.product(),
                    m.gradeThs(),
                    m.gradeJth(),
                    m.reservedOrderId(),
                    m.shipmentId(),
                    m.readyAt());
        }
    }

    public record ShipmentRequest(
            @NotBlank @Size(max = 36) String customerId,
            @NotEmpty @Size(max = 2000) List<String> machineSerials,
            @NotNull Shipment.Mode mode,
            @NotBlank @Size(max = 60) String carrier,
            @NotNull Shipment.Incoterm incoterm,

            @NotNull @Size(max = 2) @Pattern(regexp = COUNTRY)
            String destinationCountry,
            /* ASIC miners have been declared under 8471 and 8543; the choice changes the duty */
            @NotNull @Size(max = 13) @Pattern(regexp = "\\d{4}(\\.\\d{2}){0,3}")
            String hsCode,

            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("1000000000")
            BigDecimal declaredValueUsd,
            /* the customer order the machines are reserved to; none for a sale straight from stock */
            @Size(max = 36) String orderId,
            @Valid PartyRequest consignee,
            @Valid PartyRequest notifyParty,
            @Valid PartyRequest forwarder,
            @Size(max = 10) List<@Valid @NotNull LegRequest> legs) {
        // explicit, so the constraints stay off the constructor parameters (README: Payara OpenAPI)
        public ShipmentRequest(
                String customerId,
                List<String> machineSerials,
                Shipment.Mode mode,
                String carrier,
                Shipment.Incoterm incoterm,
                String destinationCountry,
                String hsCode,
                BigDecimal declaredValueUsd,
                String orderId,
                PartyRequest consignee,
                PartyRequest notifyParty,
                PartyRequest forwarder,
                List<LegRequest> legs) {
            this.orderId = orderId;
            this.consignee = consignee;
            this.notifyParty = notifyParty;
            this.forwarder = forwarder;
            this.legs = legs;
            this.customerId = customerId;
            this.machineSerials = machineSerials;
            this.mode = mode;
            this.carrier = carrier;
            this.incoterm = incoterm;
            this.destinationCountry = destinationCountry;
            this.hsCode = hsCode;
            this.declaredValueUsd = declaredValueUsd;
        }
    }

    /** A party of a shipment besides the customer; it is screened before release. */
    public record PartyRequest(
            @NotBlank @Size(max = 200) String name,

            @NotNull @Size(max = 2) @Pattern(regexp = COUNTRY)
            String country,

            @Size(max = 300) String address) {
        // explicit, so the constraints stay off the constructor parameters (README: Payara OpenAPI)
        public PartyRequest(String name, String country, String address) {
            this.name = name;
            this.country = country;
            this.address = address;
        }
    }

    /** A leg as planned; origin and destination are UN/LOCODEs (CNSZX Shenzhen, HKHKG Hong Kong, RUSVO Moscow). */
    public record LegRequest(
            @NotNull ShipmentLeg.Mode mode,
            @NotBlank @Size(max = 60) String carrier,

            @NotBlank @Size(max = 40) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9 ._/-]*")
            String trackingNumber,

            @NotNull @Size(max = 5) @Pattern(regexp = LOCODE)
            String origin,

            @NotNull @Size(max = 5) @Pattern(regexp = LOCODE)
            String destination,

            @NotNull OffsetDateTime plannedDeparture,
            @NotNull OffsetDateTime plannedArrival) {
        // explicit, so the constraints stay off the constructor parameters (README: Payara OpenAPI)
        public LegRequest(
                ShipmentLeg.Mode mode,
                String carrier,
                String trackingNumber,
                String origin,
                String destination,
                OffsetDateTime plannedDeparture,
                OffsetDateTime plannedArrival) {
            this.mode = mode;
            this.carrier = carrier;
            this.trackingNumber = trackingNumber;
            this.origin = origin;
            this.destination = destination;
            this.plannedDeparture = plannedDeparture;
            this.plannedArrival = plannedArrival;
        }
    }

    public record LegView(
            String id,
            int leg,
            String mode,
            String carrier,
            String trackingNumber,
            String origin,
            String destination,
            OffsetDateTime plannedDeparture,
            OffsetDateTime plannedArrival,
            OffsetDateTime actualDeparture,
            OffsetDateTime actualArrival,
            OffsetDateTime eta,
            String status) {
        static LegView of(ShipmentLeg l) {
            return new LegView(
                    l.id(),
                    l.seq(),
                    l.mode().name(),
                    l.carrier(),
                    l.trackingNumber(),
                    l.origin(),
                    l.destination(),
                    l.plannedDeparture(),
                    l.plannedArrival(),
                    l.actualDeparture(),
                    l.actualArrival(),
                    l.eta(),
                    l.status().name());
        }
    }

    public record PartyView(String name, String country, String address) {
        static PartyView of(String name, String country, String address) {
            return name == null ? null : new PartyView(name, country, address);
        }
    }

    public record MilestoneRequest(
            @NotNull Milestone milestone,
            OffsetDateTime occurredAt,
            @Size(max = 120) String location,
            @Size(max = 500) String note) {
        // explicit, so the constraints stay off the constructor parameters (README: Payara OpenAPI)
        public MilestoneRequest(Milestone milestone, OffsetDateTime occurredAt, String location, String note) {
            this.milestone = milestone;
            this.occurredAt = occurredAt;
            this.location = location;
            this.note = note;
        }
    }

    public record MilestoneView(Milestone milestone, OffsetDateTime occurredAt, String location, String note) {
        static MilestoneView of(ShipmentMilestone m) {
            return new MilestoneView(m.milestone(), m.occurredAt(), m.location(), m.note());
        }
    }

    public record ShipmentView(
            String id,
            String customerId,
            String mode,
            String carrier,
            String incoterm,
            String destinationCountry,
            String hsCode,
            BigDecimal declaredValueUsd,
            String status,
            String correlationId,
            List<String> machineSerials,
            List<MilestoneView> milestones,
            String orderId,
            String bookedBy,
            PartyView consignee,
            PartyView notifyParty,
            PartyView forwarder,
            List<LegView> legs,
            String creditApprovedBy,
            String exportLicence,
            String releasedBy,
            OffsetDateTime releasedAt) {
        static ShipmentView of(Shipment s, List<ShippableMachine> machines) {
            var p = s.parties();
            return new ShipmentView(
                    s.id(),
                    s.customerId(),
                    s.mode().name(),
                    s.carrier(),
                    s.incoterm().name(),
                    s.destinationCountry(),
                    s.hsCode(),
                    s.declaredValueUsd(),
                    s.status().name(),
                    s.correlationId(),
                    machines.stream().map(ShippableMachine::serial).toList(),
                    s.milestones().stream().map(MilestoneView::of).toList(),
                    s.orderId(),
                    s.bookedBy(),
                    PartyView.of(p.consigneeName(), p.consigneeCountry(), p.consigneeAddress()),
                    PartyView.of(p.notifyName(), p.notifyCountry(), null),
                    PartyView.of(p.forwarderName(), p.forwarderCountry(), null),
                    s.legs().stream().map(LegView::of).toList(),
                    s.creditApprovedBy(),
                    s.exportLicence(),
                    s.releasedBy(),
                    s.releasedAt());
        }
    }

    /** A shipment in a list: without machines and milestones, which {@code GET shipments/{id}} gives. */
    public record ShipmentSummaryView(
            String id,
            String customerId,
            String mode,
            String carrier,
            String incoterm,
            String destinationCountry,
            String status,
            OffsetDateTime bookedAt) {
        static ShipmentSummaryView of(Shipment s) {
            return new ShipmentSummaryView(
                    s.id(),
                    s.customerId(),
                    s.mode().name(),
                    s.carrier(),
                    s.incoterm().name(),
                    s.destinationCountry(),
                    s.status().name(),
                    s.bookedAt());
        }
    }

    private ShippingViews() {}
}
