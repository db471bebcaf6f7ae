package org.careslot.gateway.server;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Second half of the keep-alive workaround (see {@link KeepAliveReadResumption}, reactor-netty #4361 / #4347): a
 * client that sends its next request on a reused connection before the server has wrapped up the previous exchange
 * ("Buffering keep-alive request, previous ops not yet terminated") can leave that connection unread for good.
 * Reactor Netty's {@code reactor.netty.http.server.lastFlushWhenNoRead} closes exactly that route, by terminating
 * the previous exchange before the next request is looked at. It is read once, when Reactor Netty's HTTP server
 * classes load, so it is set here, before the web server starts; an explicit {@code -D} setting wins. Remove both
 * halves once Reactor Netty ships the fix.
 */
public class KeepAliveReadSetting implements EnvironmentPostProcessor {

    static final String PROPERTY = "reactor.netty.http.server.lastFlushWhenNoRead";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, "true");
        }
    }
}
