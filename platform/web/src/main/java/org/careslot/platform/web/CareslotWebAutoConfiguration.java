package org.careslot.platform.web;

import io.micrometer.tracing.Tracer;
import org.careslot.platform.web.openapi.ServiceOpenApiConfiguration;
import org.careslot.platform.web.problem.ProblemDetailsExceptionHandler;
import org.careslot.platform.web.request.RequestBodyLimitFilter;
import org.careslot.platform.web.security.CurrentUserArgumentResolver;
import org.careslot.platform.web.security.RoleChecksBeforeBinding;
import org.careslot.platform.web.security.ServiceSecurityConfiguration;
import org.careslot.platform.web.tracing.TraceIdResponseHeaderFilter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.UrlHandlerFilter;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/** The HTTP conventions of api.md for every servlet service. */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import({ProblemDetailsExceptionHandler.class, ServiceSecurityConfiguration.class, ServiceOpenApiConfiguration.class})
public class CareslotWebAutoConfiguration {

    /** Django-style {@code /path/} is canonical, {@code /path} must work too: controllers map the bare form. */
    @Bean
    FilterRegistrationBean<UrlHandlerFilter> trailingSlashFilter() {
        var registration = new FilterRegistrationBean<>(
                UrlHandlerFilter.trailingSlashHandler("/**").wrapRequest().build());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<TraceIdResponseHeaderFilter> traceIdResponseHeaderFilter(ObjectProvider<Tracer> tracer) {
        var registration = new FilterRegistrationBean<>(new TraceIdResponseHeaderFilter(tracer.getIfAvailable()));
        // after ServerHttpObservationFilter (HIGHEST_PRECEDENCE + 1) opened the span, before security may reject
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    /** careslot.web.max-body-size (default 1MB): far above any JSON request of api.md, far below what hurts. */
    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(
            @Value("${careslot.web.max-body-size:1MB}") DataSize maxBodySize) {
        var registration = new FilterRegistrationBean<>(new RequestBodyLimitFilter(maxBodySize.toBytes()));
        // after the trace id is set (a 413 carries X-Trace-Id), before anything reads the body
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 3);
        return registration;
    }

    @Bean
    WebMvcConfigurer currentUserArgument() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CurrentUserArgumentResolver());
            }

            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new RoleChecksBeforeBinding());
            }
        };
    }
}
