package io.renlayer.api.cli;

import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.renlayer.api.ApiConfiguration;
import io.renlayer.api.ApiServices;
import io.renlayer.api.core.SupportGrant;
import io.renlayer.api.db.SupportGrantDao;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

import java.time.Duration;
import java.time.Instant;

/**
 * {@code support-token config.yml --tenant-id T --grant-id G --staff EMAIL}: mints a token for RenLayer
 * support under a tenant owner's active grant. The token dies with the grant (checked on every request),
 * and every request made with it lands in the tenant's audit log.
 */
public class SupportTokenCommand extends ConfiguredCommand<ApiConfiguration> {

    private static final Duration MAX_VALIDITY = Duration.ofHours(8);

    public SupportTokenCommand() {
        super("support-token", "Mint a support token under a tenant's active support grant");
    }

    @Override
    public void configure(Subparser subparser) {
        super.configure(subparser);
        subparser.addArgument("--tenant-id").dest("tenantId").required(true);
        subparser.addArgument("--grant-id").dest("grantId").required(true);
        subparser.addArgument("--staff").dest("staff").required(true).help("the support engineer's identity");
    }

    @Override
    protected void run(Bootstrap<ApiConfiguration> bootstrap, Namespace namespace, ApiConfiguration config)
            throws Exception {
        try (ApiServices services = ApiServices.standalone(config, bootstrap.getObjectMapper())) {
            String tenantId = namespace.getString("tenantId");
            Instant now = services.clock().instant();
            SupportGrant grant = services.jdbi().withExtension(SupportGrantDao.class,
                            dao -> dao.find(tenantId, namespace.getString("grantId")))
                    .filter(g -> g.activeAt(now))
                    .orElseThrow(() -> new IllegalStateException("no active support grant with that id in that tenant"));
            Duration left = Duration.between(now, grant.expiresAt());
            String token = services.tokens().issueSupport("support:" + namespace.getString("staff"), tenantId,
                    grant.id(), left.compareTo(MAX_VALIDITY) < 0 ? left : MAX_VALIDITY);
            System.out.println(token);
        }
    }
}
