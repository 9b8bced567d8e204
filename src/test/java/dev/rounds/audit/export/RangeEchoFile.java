package dev.rounds.audit.export;

import dev.rounds.core.Interval;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** A bundle file of the tests only, proving that the bundle and its verification take in any {@link BundleFile}. */
@ApplicationScoped
public class RangeEchoFile implements BundleFile {

    static final String NAME = "range-echo.csv";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void write(Interval range, OutputStream out) throws IOException {
        out.write(("from,to\n" + range.from() + "," + range.to() + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
