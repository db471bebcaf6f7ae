package org.careslot.notification;

import org.careslot.platform.testkit.RealInfrastructure;
import org.careslot.platform.testkit.conventions.ServiceConventionsContract;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@RealInfrastructure(database = "notification")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NotificationServiceConventionsTest implements ServiceConventionsContract {

    @LocalServerPort
    int port;

    @Override
    public String baseUrl() {
        return "http://localhost:" + port;
    }
}
