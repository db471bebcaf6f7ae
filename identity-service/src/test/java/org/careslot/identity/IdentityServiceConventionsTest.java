package org.careslot.identity;

import org.careslot.platform.testkit.RealInfrastructure;
import org.careslot.platform.testkit.conventions.ServiceConventionsContract;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.boot.test.web.server.LocalServerPort;

@RealInfrastructure(database = "identity")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class IdentityServiceConventionsTest implements ServiceConventionsContract {

    @LocalServerPort
    int port;

    @Override
    public String baseUrl() {
        return "http://localhost:" + port;
    }
}
