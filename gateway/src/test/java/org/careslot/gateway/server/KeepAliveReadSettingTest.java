package org.careslot.gateway.server;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class KeepAliveReadSettingTest {

    @Test
    void switchesReactorNettysLastFlushOnUnlessSetExplicitly() {
        String before = System.getProperty(KeepAliveReadSetting.PROPERTY);
        try {
            System.clearProperty(KeepAliveReadSetting.PROPERTY);
            new KeepAliveReadSetting().postProcessEnvironment(new StandardEnvironment(), new SpringApplication());
            assertThat(System.getProperty(KeepAliveReadSetting.PROPERTY)).isEqualTo("true");

            System.setProperty(KeepAliveReadSetting.PROPERTY, "false");
            new KeepAliveReadSetting().postProcessEnvironment(new StandardEnvironment(), new SpringApplication());
            assertThat(System.getProperty(KeepAliveReadSetting.PROPERTY)).isEqualTo("false");
        } finally {
            if (before == null) {
                System.clearProperty(KeepAliveReadSetting.PROPERTY);
            } else {
                System.setProperty(KeepAliveReadSetting.PROPERTY, before);
            }
        }
    }
}
