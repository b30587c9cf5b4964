package io.renlayer.api.cli;

import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.renlayer.api.ApiConfiguration;
import io.renlayer.api.ApiServices;
import io.renlayer.api.api.TenantPatch;
import io.renlayer.api.core.ApiException;
import io.renlayer.api.core.TenantProvisioning;
import io.renlayer.api.core.UrlGuard;
import net.sourceforge.argparse4j.impl.Arguments;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code bootstrap config.yml --tenant-name NAME --owner-email EMAIL [--upstream NAME=URL]…}: the operator's way to create a
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
        subparser.addArgument("--upstream").dest("upstreams").action(Arguments.append()).metavar("NAME=URL")
                .help("a named upstream for the tenant besides openai and anthropic (repeatable); added to an "
                        + "existing tenant too");
    }

    @Override
    protected void run(Bootstrap<ApiConfiguration> bootstrap, Namespace namespace, ApiConfiguration config)
            throws Exception {
        Map<String, String> upstreams = upstreams(namespace.getList("upstreams"), new UrlGuard(config.localMode));
        try (ApiServices services = ApiServices.standalone(config, bootstrap.getObjectMapper())) {
            TenantProvisioning.Provisioned result = new TenantProvisioning(services.jdbi(), services.writes())
                    .provision(namespace.getString("tenantName"), namespace.getString("ownerEmail"), upstreams);
            System.out.println((result.created() ? "created" : "exists") + " tenant");
            System.out.println("tenant_id=" + result.tenantId());
            System.out.println("owner_email=" + result.ownerEmail());
        }
    }

    /** {@code NAME=URL} pairs, checked by the same rules as a PATCH of the tenant's settings. */
    private static Map<String, String> upstreams(List<String> pairs, UrlGuard urls) {
        Map<String, String> upstreams = new LinkedHashMap<>();
        for (String pair : pairs == null ? List.<String>of() : pairs) {
            int eq = pair.indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("--upstream takes NAME=URL, not " + pair);
            }
            upstreams.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        try {
            new TenantPatch(null, TenantPatch.SettingsPatch.upstreams(upstreams)).validate(urls);
        } catch (ApiException e) {
            throw new IllegalArgumentException("invalid --upstream: " + e.problem().errors().stream()
                    .map(error -> error.field() + " " + error.message()).toList(), e);
        }
        return upstreams;
    }
}
