package org.careslot.gateway.server;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.scheduler.Schedulers;

/**
 * Works around a Reactor Netty 1.3.6 server bug (reactor/reactor-netty#4361, fixed upstream after 1.3.6) that left
 * an HTTP/1.1 keep-alive connection unread for good: when a client sends its next request as soon as it has the
 * previous response's last byte, before the server has finished with that exchange (a streamed body, or an
 * answer completed off the event loop such as /actuator/health), the server queues the request; if that queued
 * request is then answered synchronously while the queue is drained (the /v1 redirect, a 401, a 404 problem), the
 * drain ends without asking the socket for more, and the client's following request on that connection is never
 * read. Completing each exchange in a later event-loop task, never inside the drain, lets the drain finish first,
 * so the exchange's own termination re-arms the read. Remove once Reactor Netty carries the fix.
 */
@Configuration(proxyBeanMethods = false)
public class KeepAliveReadResumption {

    @Bean
    NettyServerCustomizer completeExchangesInALaterEventLoopTask() {
        return server -> server.mapHandle((exchange, connection) ->
                exchange.publishOn(Schedulers.fromExecutor(connection.channel().eventLoop())));
    }
}
