package dev.rounds.lifecycle;

/**
 * Keeps the TCP server that H2's {@code AUTO_SERVER} opens on loopback. The server is there so that the jar's commands
 * ({@code verify}, {@code export}) can read the database beside a running Rounds on the same machine; left to itself
 * H2 binds it to every interface and offers the database to the network.
 */
public final class H2ServerAddress {

    /** H2's system property for the address its servers bind; read once, when H2's classes load. */
    static final String PROPERTY = "h2.bindAddress";

    static final String LOOPBACK = "127.0.0.1";

    private H2ServerAddress() {}

    /** Binds H2's servers to loopback unless the operator chose an address; call before any H2 class loads. */
    public static void keepOnLoopback() {
        if (System.getProperty(PROPERTY) == null) System.setProperty(PROPERTY, LOOPBACK);
    }
}
