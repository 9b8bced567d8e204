package dev.rounds.cluster;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * The members in {@code /q/health}: this instance's id, how many members are live, and for each how many probes it
 * holds and when it last checked in. Not ready while this instance cannot renew its lease (its database is out of
 * reach): the others are taking its probes.
 */
@Readiness
@ApplicationScoped
public class ClusterHealthCheck implements HealthCheck {

    @Inject
    Membership membership;

    @Override
    public HealthCheckResponse call() {
        ClusterView view = membership.view();
        HealthCheckResponseBuilder health = HealthCheckResponse.named("cluster")
                .status(membership.checkedInRecently())
                .withData("self", view.self())
                .withData("members", view.members().size());
        for (Member member : view.members()) {
            health.withData(member.id() + ".probes", member.probes());
            health.withData(member.id() + ".checked-in", member.checkedInAt().toString());
        }
        return health.build();
    }
}
