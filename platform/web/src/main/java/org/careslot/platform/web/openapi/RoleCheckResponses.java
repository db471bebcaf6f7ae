package org.careslot.platform.web.openapi;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.annotation.Secured;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.method.HandlerMethod;

/**
 * 403 on every operation whose handler (method or controller) declares a role check; checks made inside a service
 * are documented by the operation itself ({@code @ApiResponse(responseCode = "403")}).
 */
final class RoleCheckResponses implements GlobalOperationCustomizer {

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        if (checksRoles(handler)) {
            if (operation.getResponses() == null) {
                operation.setResponses(new ApiResponses());
            }
            ClientViewOfTheApi.addIfAbsent(operation.getResponses(), "403",
                    "The caller's role does not allow this.");
        }
        return operation;
    }

    private static boolean checksRoles(HandlerMethod handler) {
        return AnnotatedElementUtils.hasAnnotation(handler.getMethod(), PreAuthorize.class)
                || AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), PreAuthorize.class)
                || AnnotatedElementUtils.hasAnnotation(handler.getMethod(), Secured.class)
                || AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), Secured.class);
    }
}
