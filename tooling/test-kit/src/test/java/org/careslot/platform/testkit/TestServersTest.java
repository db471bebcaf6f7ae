package org.careslot.platform.testkit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class TestServersTest {

    private final String before = System.getProperty(TestServers.PROPERTY);

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(TestServers.PROPERTY);
        } else {
            System.setProperty(TestServers.PROPERTY, before);
        }
    }

    @Test
    void theDefaultIsTheDockerFreeServers() {
        System.clearProperty(TestServers.PROPERTY);
        assertThat(TestServers.chosen()).isInstanceOf(LocalServers.class);
    }

    @Test
    void anUnknownChoiceNamesTheKnownOnes() {
        System.setProperty(TestServers.PROPERTY, "docker");
        assertThatThrownBy(TestServers::chosen).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("local").hasMessageContaining("testcontainers");
    }

    @Test
    void containersWithoutTheMavenProfileSayWhichProfileBuildsThem() {
        assumeTrue(!containerServersCompiled(), "built with -Ptestcontainers");
        System.setProperty(TestServers.PROPERTY, TestServers.TESTCONTAINERS);
        assertThatThrownBy(TestServers::chosen).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("-Ptestcontainers");
    }

    private static boolean containerServersCompiled() {
        try {
            Class.forName(TestServers.CONTAINER_SERVERS, false, TestServersTest.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
