package org.careslot.gateway.ratelimit;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuthRateLimitProperties.class)
public class AuthRateLimitConfiguration {

    @Bean
    ClientIpResolver clientIpResolver(@Value("${careslot.gateway.trusted-proxies:}") String trustedProxies) {
        return new ClientIpResolver(trustedProxies);
    }

    @Bean
    TokenBucketRateLimiter authRateLimiter(AuthRateLimitProperties properties) {
        return new TokenBucketRateLimiter(Math.max(1, properties.capacity()), Math.max(1, properties.refillPerMinute()));
    }

    /** Added to the security filter chain (see GatewaySecurityConfiguration), hence not a WebFilter-typed bean. */
    @Bean
    AuthRateLimit authRateLimit(TokenBucketRateLimiter limiter, ClientIpResolver clientIps,
            AuthRateLimitProperties properties) {
        return new AuthRateLimit(new AuthRateLimitWebFilter(limiter, clientIps, properties.enabled()));
    }

    /** Holder that keeps the filter out of the context's WebFilter beans. */
    public record AuthRateLimit(AuthRateLimitWebFilter filter) {
    }
}
