package org.careslot.platform.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Evaluates a controller's role check ({@code @PreAuthorize("hasRole('DOCTOR')")} on the method or class) before
 * Spring MVC binds and validates the request. Method security alone runs when the controller method is invoked,
 * i.e. after {@code @Valid}: a caller without the role would get the 400 of a bad body — learning the endpoint's
 * rules — instead of the 403 they are owed. Expressions that read method arguments ({@code #id}) cannot be evaluated
 * before binding; method security still checks those, and it keeps checking every expression afterwards.
 */
public class RoleChecksBeforeBinding implements HandlerInterceptor {

    private final PreAuthorizeAuthorizationManager authorization = new PreAuthorizeAuthorizationManager();

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        PreAuthorize check = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), PreAuthorize.class);
        if (check == null) {
            check = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), PreAuthorize.class);
        }
        if (check == null || check.value().contains("#")) {
            return true;
        }
        AuthorizationResult result = authorization.authorize(
                () -> SecurityContextHolder.getContext().getAuthentication(),
                new SimpleMethodInvocation(method.getBean(), method.getMethod()));
        if (result != null && !result.isGranted()) {
            throw new AccessDeniedException("Access Denied");
        }
        return true;
    }
}
