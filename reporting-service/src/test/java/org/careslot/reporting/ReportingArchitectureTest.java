package org.careslot.reporting;

import org.careslot.platform.testkit.conventions.ServiceArchitecture;
import org.junit.jupiter.api.Test;

/** The module rules of the platform (see {@link ServiceArchitecture}) hold for this service's code. */
class ReportingArchitectureTest {

    @Test
    void followsTheModuleRules() {
        ServiceArchitecture.verify("reporting");
    }
}
