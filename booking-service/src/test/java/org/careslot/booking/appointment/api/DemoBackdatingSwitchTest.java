package org.careslot.booking.appointment.api;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed path is off unless switched on: without the flag its controller is not created at all. The context here
 * has none of the controller's collaborators, so it starts only when the controller is left out.
 */
class DemoBackdatingSwitchTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(DemoBackdatingController.class);

    @Test
    void withoutTheFlagTheEndpointDoesNotExist() {
        context.run(started -> {
            assertThat(started).hasNotFailed();
            assertThat(started).doesNotHaveBean(DemoBackdatingController.class);
        });
        context.withPropertyValues("careslot.booking.demo-backdating.enabled=false")
                .run(started -> assertThat(started).hasNotFailed().doesNotHaveBean(DemoBackdatingController.class));
    }

    @Test
    void withTheFlagTheControllerIsCreated() {
        context.withPropertyValues("careslot.booking.demo-backdating.enabled=true")
                .run(started -> assertThat(started).hasFailed()
                        .getFailure().hasMessageContaining("BookingService"));
    }
}
