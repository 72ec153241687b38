package org.asicscm.platform;

import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * A file sent as the body of a request (a burn-in log, a screening list): resources that take one
 * accept any type, so that sign-in and roles are checked first, and check the type here (415).
 */
public final class TextBody {
    private TextBody() {}

    /** Refuses (415) a body whose type is none of the given ones. */
    public static void requireType(String contentType, Set<String> accepted, String what) {
        String type =
                contentType == null ? "" : contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        if (!accepted.contains(type)) {
            throw new NotSupportedException(what + " is sent as " + String.join(" or ", accepted));
        }
    }

    /** The body as UTF-8 text: 413 above the limit, 400 when it is not UTF-8. */
    public static String read(InputStream body, int limitBytes) {
        var bytes = new ByteArrayOutputStream();
        var buffer = new byte[64 * 1024];
        try {
            for (int n; (n = body.read(buffer)) > 0; ) {
                if (bytes.size() + n > limitBytes) {
                    throw new WebApplicationException(Response.Status.REQUEST_ENTITY_TOO_LARGE);
                }
                bytes.write(buffer, 0, n);
            }
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InvalidInputException("body", "is not UTF-8 text");
        } catch (IOException e) {
            throw new InvalidInputException("body", "could not be read: " + e.getMessage());
        }
    }
}
