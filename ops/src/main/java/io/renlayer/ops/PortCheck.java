package io.renlayer.ops;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks, before anything starts, that every port the local stack needs is free, so a clash is one
 * clear sentence naming the port and the flag that moves it instead of a bind stack trace half-way
 * through the startup.
 */
public final class PortCheck {

    /** A port the stack will listen on, who uses it, and the flag that changes it. */
    public record Wanted(String user, int port, String flag) {
    }

    /** @return the first problem as one line (a port wanted twice, or already taken), or empty when all are free */
    public static Optional<String> problem(List<Wanted> ports) {
        Map<Integer, Wanted> seen = new HashMap<>();
        for (Wanted wanted : ports) {
            Wanted earlier = seen.putIfAbsent(wanted.port(), wanted);
            if (earlier != null) {
                return Optional.of("Port " + wanted.port() + " is wanted by both " + earlier.user() + " and "
                        + wanted.user() + "; change " + earlier.flag() + " or " + wanted.flag()
                        + " (each service also takes the port after its own for its admin connector).");
            }
        }
        return ports.stream()
                .filter(wanted -> !isFree(wanted.port()))
                .findFirst()
                .map(PortCheck::takenMessage);
    }

    static String takenMessage(Wanted wanted) {
        return "Port " + wanted.port() + " (" + wanted.user() + ") is already in use by another program; "
                + "stop it or choose other ports with " + wanted.flag() + " <port>.";
    }

    /** Binds the wildcard address, as the services do: a listener on any local address makes it fail. */
    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private PortCheck() {
    }
}
