package org.careslot.gateway.ratelimit;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.util.StringUtils;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The client's IP address: the connection's remote address, unless that address is a trusted proxy (regex
 * {@code careslot.gateway.trusted-proxies}); then the nearest untrusted hop of {@code X-Forwarded-For}, read from
 * the right, since only the entries appended by trusted proxies cannot have been forged by the client.
 */
public class ClientIpResolver {

    private final Pattern trustedProxies;

    /** @param trustedProxiesRegex null or blank: no proxy is trusted, X-Forwarded-For is ignored */
    public ClientIpResolver(String trustedProxiesRegex) {
        this.trustedProxies = StringUtils.hasText(trustedProxiesRegex) ? Pattern.compile(trustedProxiesRegex) : null;
    }

    public String clientIp(ServerHttpRequest request) {
        String remote = remoteAddress(request);
        if (trustedProxies == null || !isTrusted(remote)) {
            return remote;
        }
        List<String> hops = request.getHeaders().getValuesAsList("X-Forwarded-For");
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i).trim();
            if (!hop.isEmpty() && !isTrusted(hop)) {
                return hop;
            }
        }
        return hops.isEmpty() ? remote : hops.getFirst().trim();
    }

    private boolean isTrusted(String address) {
        return trustedProxies != null && trustedProxies.matcher(address).matches();
    }

    private static String remoteAddress(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        if (remote == null) {
            return "unknown";
        }
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }
}
