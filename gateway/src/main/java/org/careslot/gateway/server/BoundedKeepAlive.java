package org.careslot.gateway.server;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Works around a Reactor Netty server bug (reactor/reactor-netty#4361, fix #4347, present in 1.3.6 and 1.3.7): on an
 * HTTP/1.1 keep-alive connection, a request that arrives before the server has wrapped up the previous exchange is
 * queued, and when the queue drains without re-arming the read, the connection is never read again — the client's
 * next request hangs until its own timeout (seen here as 30 s hangs on /actuator/health, the Swagger UI and routed
 * requests, about one test run in three). Completing exchanges later and Reactor Netty's
 * {@code lastFlushWhenNoRead} each closed only part of it, so the gateway answers a bounded number of requests per
 * connection and then closes it ({@code Connection: close}); with the default of 1 no request is ever queued behind
 * another. Costs a TCP handshake per request from clients (and load balancers) to the gateway; connections from the
 * gateway to the services stay pooled. Set {@code GATEWAY_MAX_KEEP_ALIVE_REQUESTS} higher (or remove this class)
 * once Reactor Netty carries the fix.
 */
@Configuration(proxyBeanMethods = false)
public class BoundedKeepAlive {

    @Bean
    NettyServerCustomizer closeConnectionsAfterBoundedRequests(
            @Value("${careslot.gateway.max-keep-alive-requests:1}") int maxKeepAliveRequests) {
        return server -> server.maxKeepAliveRequests(maxKeepAliveRequests);
    }
}
