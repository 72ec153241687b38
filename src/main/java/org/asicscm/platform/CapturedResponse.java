package org.asicscm.platform;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Holds a response's body back until its transaction has committed, so no client is told of an
 * effect that then rolls back. Status and headers go to the real response, which stays
 * uncommitted until {@link #sendTo} writes the body.
 */
final class CapturedResponse extends HttpServletResponseWrapper {
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private PrintWriter writer;

    CapturedResponse(HttpServletResponse response) {
        super(response);
    }

    @Override
    public ServletOutputStream getOutputStream() {
        return new ServletOutputStream() {
            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
                throw new UnsupportedOperationException("the body is held in memory");
            }

            @Override
            public void write(int b) {
                body.write(b);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                body.write(bytes, offset, length);
            }
        };
    }

    @Override
    public PrintWriter getWriter() {
        if (writer == null) {
            writer = new PrintWriter(new OutputStreamWriter(body, StandardCharsets.UTF_8));
        }
        return writer;
    }

    @Override
    public void sendError(int status) {
        setStatus(status);
    }

    @Override
    public void sendError(int status, String message) {
        setStatus(status);
    }

    @Override
    public void flushBuffer() {
        // held back: flushing would commit the real response before the transaction does
    }

    @Override
    public boolean isCommitted() {
        return false;
    }

    @Override
    public void setContentLength(int length) {
        // the length is set when the body is sent
    }

    @Override
    public void setContentLengthLong(long length) {
        // the length is set when the body is sent
    }

    String text() {
        if (writer != null) {
            writer.flush();
        }
        return body.toString(StandardCharsets.UTF_8);
    }

    void sendTo(HttpServletResponse response) throws IOException {
        if (writer != null) {
            writer.flush();
        }
        response.setContentLength(body.size());
        body.writeTo(response.getOutputStream());
    }
}
