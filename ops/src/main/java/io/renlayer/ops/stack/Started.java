package io.renlayer.ops.stack;

import java.util.ArrayList;
import java.util.List;

/** What a harness started, closed in reverse order (users before what they use), each failure reported, none fatal. */
public final class Started {

    private final String owner;
    private final List<AutoCloseable> resources = new ArrayList<>();

    /** @param owner names the harness in failure reports */
    public Started(String owner) {
        this.owner = owner;
    }

    public synchronized <T extends AutoCloseable> T add(T resource) {
        resources.add(resource);
        return resource;
    }

    public synchronized void closeAll() {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                System.err.println(owner + ": stopping " + resources.get(i).getClass().getSimpleName() + " failed: " + e);
            }
        }
        resources.clear();
    }
}
