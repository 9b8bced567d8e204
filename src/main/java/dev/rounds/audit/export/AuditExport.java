package dev.rounds.audit.export;

import dev.rounds.audit.AuditHash;
import dev.rounds.audit.AuditLog;
import dev.rounds.core.ReportZone;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneId;
import java.util.Map;

/** Exports a bundle to a file and records the export in the audit log, naming who, which range and which manifest. */
@ApplicationScoped
public class AuditExport {

    public static final String ACTION = "audit.exported";

    private final BundleWriter writer;
    private final AuditLog log;
    private final ZoneId zone;

    @Inject
    public AuditExport(BundleWriter writer, AuditLog log, ReportZone zone) {
        this.writer = writer;
        this.log = log;
        this.zone = zone.get();
    }

    /** The range of the parameters {@code from} and {@code to}, dates taken in {@code rounds.report.zone}. */
    public ExportRange range(String from, String to) {
        return ExportRange.parse(from, to, zone);
    }

    /**
     * Writes the bundle of {@code range} to {@code file}, then appends the audit entry. The bundle is written beside
     * {@code file} under a temporary name and renamed into place only when complete, so a failure leaves whatever
     * was at {@code file} untouched and never a truncated bundle under its name.
     */
    @ActivateRequestContext
    public BundleManifest export(String actor, ExportRange range, Path file) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        Path partial = Files.createTempFile(folder, "." + file.getFileName(), ".part");
        BundleManifest manifest;
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16)) {
                manifest = writer.write(range.interval(), out);
            }
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(partial);
        }
        String from = AuditHash.timestamp(range.interval().from());
        String to = AuditHash.timestamp(range.interval().to());
        log.append(
                actor,
                ACTION,
                from + "/" + to,
                Map.of(
                        "from",
                        from,
                        "to",
                        to,
                        "entries",
                        manifest.entries(),
                        "manifest_sha256",
                        manifest.sha256(),
                        "head_seq",
                        manifest.headSeq()));
        return manifest;
    }
}
