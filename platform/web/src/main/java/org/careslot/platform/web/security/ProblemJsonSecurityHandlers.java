package org.careslot.platform.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import java.io.IOException;

/** 401 and 403 from the security filter chain, in the same problem+json shape as the rest of the API. */
final class ProblemJsonSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException authException) throws IOException {
        if (authException instanceof AuthenticationServiceException) {
            // the token may be fine: we could not fetch Keycloak's keys to check it
            response.setHeader("Retry-After", "5");
            write(response, request, HttpStatus.SERVICE_UNAVAILABLE, "Service Unavailable",
                    "The token cannot be checked right now; try again shortly.");
            return;
        }
        // RFC 6750: tell the client which scheme to use
        response.setHeader("WWW-Authenticate", "Bearer realm=\"appointments\"");
        write(response, request, HttpStatus.UNAUTHORIZED, "Unauthorized",
                "A valid bearer token is required.");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response,
            org.springframework.security.access.AccessDeniedException accessDeniedException) throws IOException {
        write(response, request, HttpStatus.FORBIDDEN, "Forbidden", "You are not allowed to do this.");
    }

    private static void write(HttpServletResponse response, HttpServletRequest request, HttpStatus status,
            String title, String detail) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status.value()
                + ",\"detail\":\"" + detail + "\",\"instance\":\"" + jsonEscape(request.getRequestURI()) + "\"}");
    }

    private static String jsonEscape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
