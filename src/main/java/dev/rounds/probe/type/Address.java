package dev.rounds.probe.type;

/**
 * A target's {@code address} split into host and port: {@code host}, {@code host:port}, {@code [::1]:8080}.
 *
 * @param port the port written in the address, or {@code null}
 */
record Address(String host, Integer port) {

    static Address parse(String address) {
        String text = address.trim();
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            String host = text.substring(1, close);
            return text.length() > close + 2 && text.charAt(close + 1) == ':'
                    ? new Address(host, Integer.valueOf(text.substring(close + 2)))
                    : new Address(host, null);
        }
        int colon = text.indexOf(':');
        if (colon > 0 && colon == text.lastIndexOf(':')) {
            return new Address(text.substring(0, colon), Integer.valueOf(text.substring(colon + 1)));
        }
        return new Address(text, null);
    }

    /** The port a setting names, else the address's, else the protocol's default. */
    int port(Object setting, int fallback) {
        if (setting instanceof Number number) return number.intValue();
        if (setting != null) return Integer.parseInt(setting.toString());
        return port != null ? port : fallback;
    }

    static String hostPort(String host, int port) {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
