package dev.rounds.signoff;

import dev.rounds.text.SuppliedText;
import jakarta.ws.rs.core.MediaType;
import java.nio.file.Path;
import java.util.Optional;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * A file as it arrived with a sign-off, still in the HTTP layer's temporary upload folder.
 *
 * @param fileName what the client called it, without any folder; shown and offered on download, never a path
 * @param mediaType what the client said it is, or {@code application/octet-stream}
 */
public record EvidenceUpload(Path file, String fileName, String mediaType, long size) {

    private static final int MAX_NAME = 255;

    /** The upload of a multipart part, or nothing where the part is absent or a form was sent without a file. */
    public static Optional<EvidenceUpload> of(FileUpload part) {
        if (part == null
                || part.uploadedFile() == null
                || (part.size() == 0
                        && (part.fileName() == null || part.fileName().isBlank()))) {
            return Optional.empty();
        }
        return Optional.of(new EvidenceUpload(
                part.uploadedFile(), displayName(part.fileName()), mediaType(part.contentType()), part.size()));
    }

    /** The last segment of whatever path the client sent, without control characters or quotes. */
    static String displayName(String clientName) {
        String name = clientName == null ? "" : clientName;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = SuppliedText.clean(name.replaceAll("[\\p{Cntrl}\"]", "")).strip();
        if (name.length() > MAX_NAME) name = SuppliedText.clean(name.substring(name.length() - MAX_NAME));
        return name.isEmpty() || name.equals(".") || name.equals("..") ? "evidence" : name;
    }

    private static String mediaType(String declared) {
        try {
            MediaType type = MediaType.valueOf(declared);
            String plain = type.getType() + "/" + type.getSubtype();
            return plain.length() <= MAX_NAME && !type.isWildcardType() && !type.isWildcardSubtype()
                    ? plain
                    : MediaType.APPLICATION_OCTET_STREAM;
        } catch (RuntimeException e) {
            return MediaType.APPLICATION_OCTET_STREAM;
        }
    }
}
