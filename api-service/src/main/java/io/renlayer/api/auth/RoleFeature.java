package io.renlayer.api.auth;

import io.renlayer.api.core.ApiException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;

/** Enforces {@link MinRole} after {@link AuthFilter} has established the caller. */
public class RoleFeature implements DynamicFeature {

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        MinRole min = resource.getResourceMethod().getAnnotation(MinRole.class);
        if (min != null) {
            context.register(new RoleCheck(min.value()));
        }
    }

    @Priority(Priorities.AUTHORIZATION)
    private record RoleCheck(Role required) implements ContainerRequestFilter {
        @Override
        public void filter(jakarta.ws.rs.container.ContainerRequestContext request) {
            Caller caller = AuthFilter.caller(request);
            if (!caller.role().atLeast(required)) {
                throw ApiException.forbidden("this needs the " + required.wire() + " role or higher");
            }
        }
    }
}
