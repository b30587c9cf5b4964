package io.renlayer.api.cli;

import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.renlayer.api.ApiConfiguration;
import io.renlayer.api.ApiServices;
import io.renlayer.api.core.TenantProvisioning;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code bootstrap config.yml --tenant-name NAME --owner-email EMAIL}: the operator's way to create a
 * tenant and its owner (there is no cross-tenant endpoint). Prints {@code tenant_id=} and {@code owner_email=}.
 */
public class BootstrapCommand extends ConfiguredCommand<ApiConfiguration> {

    public BootstrapCommand() {
        super("bootstrap", "Create a tenant and its owner (idempotent by owner email)");
    }

    @Override
    public void configure(Subparser subparser) {
        super.configure(subparser);
        subparser.addArgument("--tenant-name").dest("tenantName").required(true).help("the tenant's display name");
        subparser.addArgument("--owner-email").dest("ownerEmail").required(true).help("the owner's sign-in email");
    }

    @Override
    protected void run(Bootstrap<ApiConfiguration> bootstrap, Namespace namespace, ApiConfiguration config)
            throws Exception {
        try (ApiServices services = ApiServices.standalone(config, bootstrap.getObjectMapper())) {
            TenantProvisioning.Provisioned result = new TenantProvisioning(services.jdbi(), services.writes())
                    .provision(namespace.getString("tenantName"), namespace.getString("ownerEmail"));
            System.out.println((result.created() ? "created" : "exists") + " tenant");
            System.out.println("tenant_id=" + result.tenantId());
            System.out.println("owner_email=" + result.ownerEmail());
        }
    }
}
