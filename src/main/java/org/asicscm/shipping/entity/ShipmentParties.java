package org.asicscm.shipping.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * Who else a shipment names besides its customer: the consignee (who receives it), the notify
 * party (told on arrival) and the forwarder. Each is screened before release; the consignee is
 * the customer when none is named.
 */
@Embeddable
public class ShipmentParties {
    @Column(name = "consignee_name")
    private String consigneeName;

    @Column(name = "consignee_country")
    private String consigneeCountry;

    @Column(name = "consignee_address")
    private String consigneeAddress;

    @Column(name = "notify_name")
    private String notifyName;

    @Column(name = "notify_country")
    private String notifyCountry;

    @Column(name = "forwarder_name")
    private String forwarderName;

    @Column(name = "forwarder_country")
    private String forwarderCountry;

    protected ShipmentParties() {}

    public ShipmentParties(
            String consigneeName,
            String consigneeCountry,
            String consigneeAddress,
            String notifyName,
            String notifyCountry,
            String forwarderName,
            String forwarderCountry) {
        this.consigneeName = consigneeName;
        this.consigneeCountry = consigneeCountry;
        this.consigneeAddress = consigneeAddress;
        this.notifyName = notifyName;
        this.notifyCountry = notifyCountry;
        this.forwarderName = forwarderName;
        this.forwarderCountry = forwarderCountry;
    }

    public static ShipmentParties none() {
        return new ShipmentParties();
    }

    public String consigneeName() {
        return consigneeName;
    }

    public String consigneeCountry() {
        return consigneeCountry;
    }

    public String consigneeAddress() {
        return consigneeAddress;
    }

    public String notifyName() {
        return notifyName;
    }

    public String notifyCountry() {
        return notifyCountry;
    }

    public String forwarderName() {
        return forwarderName;
    }

    public String forwarderCountry() {
        return forwarderCountry;
    }
}
