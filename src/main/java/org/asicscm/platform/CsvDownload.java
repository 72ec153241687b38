package org.asicscm.platform;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** A CSV file as an answer: RFC 4180, UTF-8, its header first, streamed, offered for download. */
public final class CsvDownload {
    private CsvDownload() {}

    /** Prints the rows after the header; called while the answer streams. */
    public interface Rows {
        void print(CSVPrinter printer) throws IOException;
    }

    /** @param fileName letters, digits and . _ - only: it goes into a header */
    public static Response of(String fileName, String[] header, Rows rows) {
        StreamingOutput csv = out -> {
            var writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            try (var printer = new CSVPrinter(
                    writer, CSVFormat.RFC4180.builder().setHeader(header).get())) {
                rows.print(printer);
            }
        };
        return Response.ok(csv)
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
                .build();
    }
}
