package org.careweave.platform.audit;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerResponseContext;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Writes the refusals of a request whose transaction rolled back, before the response leaves. */
public class RefusalAuditFilter {

    @Inject
    RefusalsAfterRollback refusals;

    @ServerResponseFilter
    public void writeRefusals(ContainerResponseContext response) {
        if (response.getStatus() >= 400) {
            refusals.flush();
        }
    }
}
