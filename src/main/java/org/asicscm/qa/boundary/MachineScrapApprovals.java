package org.asicscm.qa.boundary;

import jakarta.ejb.EJB;
import org.asicscm.access.control.Approvals;
import org.asicscm.access.entity.Approval;
import org.asicscm.qa.boundary.QaViews.UnitView;
import org.asicscm.qa.control.QaService;

/** Scraps a machine once a second QA engineer has approved it. */
@jakarta.enterprise.context.ApplicationScoped
public class MachineScrapApprovals {
    private static final jakarta.json.bind.Jsonb JSONB = jakarta.json.bind.JsonbBuilder.create();

    @EJB
    QaService qa;

    void granted(@jakarta.enterprise.event.Observes Approvals.Granted granted) {
        var approval = granted.approval();
        if (approval.kind() == Approval.Kind.MACHINE_SCRAP) {
            String serial = approval.subjectId();
            granted.done(JSONB.toJson(UnitView.of(
                    qa.scrap(serial, approval.reason()),
                    qa.testsOf(serial),
                    qa.dispositionsOf(serial),
                    qa.reworksOf(serial))));
        }
    }
}
