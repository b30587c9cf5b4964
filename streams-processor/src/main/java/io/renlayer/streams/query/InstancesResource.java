package io.renlayer.streams.query;

import io.renlayer.schemas.query.QueryApi;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Which instance ({@code host:port}) serves which partitions now: what a query would fan out to. */
@Path(QueryApi.INSTANCES)
@Produces(MediaType.APPLICATION_JSON)
public final class InstancesResource {

    private final QueryRouting routing;

    InstancesResource(QueryRouting routing) {
        this.routing = routing;
    }

    @GET
    public Map<String, Set<Integer>> instances() {
        Map<String, Set<Integer>> instances = new LinkedHashMap<>();
        for (QueryRouting.Target target : routing.all()) {
            instances.put(target.host().host() + ":" + target.host().port(), target.partitions());
        }
        return instances;
    }
}
