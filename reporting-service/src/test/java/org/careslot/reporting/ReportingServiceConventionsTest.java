package org.careslot.reporting;

import org.careslot.platform.testkit.RealInfrastructure;
import org.careslot.platform.testkit.conventions.ServiceConventionsContract;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@RealInfrastructure(database = "reporting")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReportingServiceConventionsTest implements ServiceConventionsContract {

    @LocalServerPort
    int port;

    @Override
    public String baseUrl() {
        return "http://localhost:" + port;
    }
}
