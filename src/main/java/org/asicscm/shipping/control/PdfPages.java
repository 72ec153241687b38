package org.asicscm.shipping.control;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.asicscm.compliance.control.PartyNames;

/**
 * A document written line by line onto A4 pages with PDFBox, a new page when one is full. Text is
 * set in Helvetica, which carries Latin-1 only: Cyrillic names are spelled in Latin letters (as
 * customs papers for export are written anyway) and anything else unprintable becomes '?'.
 */
final class PdfPages implements AutoCloseable {
    private static final float MARGIN = 50;
    private static final float LEADING = 13;

    private final PDDocument document = new PDDocument();
    private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private PDPageContentStream page;
    private float y;
    private int pages;

    PdfPages() {
        newPage();
    }

    PdfPages title(String text) {
        return write(text, bold, 16).gap();
    }

    PdfPages heading(String text) {
        return gap().write(text, bold, 11);
    }

    PdfPages line(String text) {
        return write(text, regular, 10);
    }

    /** Columns at fixed x offsets from the margin. */
    PdfPages row(float[] at, String... cells) {
        ensureRoom();
        try {
            for (int i = 0; i < cells.length; i++) {
                page.beginText();
                page.setFont(regular, 10);
                page.newLineAtOffset(MARGIN + at[i], y);
                page.showText(printable(cells[i]));
                page.endText();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        y -= LEADING;
        return this;
    }

    PdfPages gap() {
        y -= LEADING / 2;
        return this;
    }

    byte[] bytes() {
        try {
            page.close();
            var out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            document.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private PdfPages write(String text, PDType1Font font, float size) {
        ensureRoom();
        try {
            page.beginText();
            page.setFont(font, size);
            page.newLineAtOffset(MARGIN, y);
            page.showText(printable(text));
            page.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        y -= size > 12 ? LEADING * 1.5f : LEADING;
        return this;
    }

    private void ensureRoom() {
        if (y < MARGIN + LEADING) {
            newPage();
        }
    }

    private void newPage() {
        try {
            if (page != null) {
                page.close();
            }
            var next = new PDPage(PDRectangle.A4);
            document.addPage(next);
            page = new PDPageContentStream(document, next);
            pages++;
            y = PDRectangle.A4.getHeight() - MARGIN;
            page.beginText();
            page.setFont(regular, 8);
            page.newLineAtOffset(PDRectangle.A4.getWidth() - MARGIN - 40, MARGIN / 2);
            page.showText("page " + pages);
            page.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String printable(String text) {
        if (text == null) {
            return "";
        }
        var out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (printableChar(c)) {
                out.append(c);
            } else {
                String spelled = PartyNames.latin(String.valueOf(c));
                boolean ok = !spelled.isEmpty() && spelled.chars().allMatch(ch -> printableChar((char) ch));
                out.append(ok ? capitalised(spelled, Character.isUpperCase(c)) : (spelled.isEmpty() ? "" : "?"));
            }
        }
        return out.toString();
    }

    private static String capitalised(String s, boolean upper) {
        return upper ? Character.toUpperCase(s.charAt(0)) + s.substring(1) : s;
    }

    private static boolean printableChar(char c) {
        return (c >= 0x20 && c <= 0x7E) || (c >= 0xA0 && c <= 0xFF);
    }
}
