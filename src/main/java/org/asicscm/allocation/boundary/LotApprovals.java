package org.asicscm.allocation.boundary;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.json.Json;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.StringReader;
import java.util.LinkedHashMap;
import org.asicscm.access.control.Approvals;
import org.asicscm.allocation.boundary.LotViews.CorrectionView;
import org.asicscm.allocation.boundary.LotViews.LotView;
import org.asicscm.allocation.control.WaferLots;

/** Carries out a lot release or a downward correction once a second person has approved it. */
@ApplicationScoped
public class LotApprovals {
    private static final Jsonb JSONB = JsonbBuilder.create();

    @EJB
    WaferLots lots;

    void granted(@Observes Approvals.Granted granted) {
        var approval = granted.approval();
        switch (approval.kind()) {
            case LOT_RELEASE ->
                granted.done(JSONB.toJson(LotView.of(lots.releaseHold(approval.subjectId(), approval.reason()))));
            case LOT_CORRECTION -> {
                var bins = new LinkedHashMap<String, Integer>();
                Json.createReader(new StringReader(approval.details()))
                        .readObject()
                        .getJsonObject("bins")
                        .forEach((bin, dies) -> bins.put(bin, ((jakarta.json.JsonNumber) dies).intValueExact()));
                granted.done(JSONB.toJson(
                        CorrectionView.of(lots.correctLot(approval.subjectId(), bins, approval.reason()))));
            }
            default -> {
                // not the allocation stage's
            }
        }
    }
}
