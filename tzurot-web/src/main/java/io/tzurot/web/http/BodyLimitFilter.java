package io.tzurot.web.http;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.Part;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collection;

/**
 * Counts every request body as it is read and refuses it (413, through {@link ApiException}) the moment it
 * passes its route's {@link BodyLimits limit}; a declared {@code Content-Length} over the limit is refused
 * before anything is read. Chunked bodies are never buffered whole, so memory stays bounded whatever is sent.
 */
public final class BodyLimitFilter implements Filter {

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request instanceof HttpServletRequest http) {
            long limit = BodyLimits.forRequest(http.getMethod(), http.getRequestURI(), http.getContentType());
            chain.doFilter(new LimitedRequest(http, limit), response);
        } else {
            chain.doFilter(request, response);
        }
    }

    /** The request with its body counted; multipart parsing (which Jetty does on its own stream) is capped by Jetty's limits. */
    private static final class LimitedRequest extends HttpServletRequestWrapper {
        private final long limit;
        private LimitedStream stream;

        LimitedRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new LimitedStream(super.getInputStream(), limit, getContentLengthLong(), getRequestURI());
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }

        @Override
        public Collection<Part> getParts() throws IOException, ServletException {
            checkDeclaredLength();
            try {
                return super.getParts();
            } catch (IllegalStateException | IOException | ServletException e) {
                if (overLimit(e)) {
                    throw fileOverLimit(e) ? BodyLimits.fileRefusal() : BodyLimits.refusal(getRequestURI(), limit);
                }
                throw e;
            }
        }

        @Override
        public Part getPart(String name) throws IOException, ServletException {
            checkDeclaredLength();
            try {
                return super.getPart(name);
            } catch (IllegalStateException | IOException | ServletException e) {
                if (overLimit(e)) {
                    throw fileOverLimit(e) ? BodyLimits.fileRefusal() : BodyLimits.refusal(getRequestURI(), limit);
                }
                throw e;
            }
        }

        private void checkDeclaredLength() {
            if (getContentLengthLong() > limit) {
                throw BodyLimits.refusal(getRequestURI(), limit);
            }
        }

        // one part over Jetty's per-file limit: "Multipart Mime part <name> exceeds max filesize"
        private static boolean fileOverLimit(Throwable e) {
            for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
                String message = t.getMessage();
                if (message != null && message.toLowerCase(java.util.Locale.ROOT).contains("max filesize")) {
                    return true;
                }
            }
            return false;
        }

        // Jetty's multipart parser reports its size limits as "... exceeds max..." (wrapped or not)
        private static boolean overLimit(Throwable e) {
            for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
                String message = t.getMessage();
                if (message != null && message.toLowerCase(java.util.Locale.ROOT).contains("exceeds max")) {
                    return true;
                }
            }
            return false;
        }
    }

    /** The body stream, failing with a 413 once more than {@code limit} bytes arrive. */
    private static final class LimitedStream extends ServletInputStream {
        private final ServletInputStream in;
        private final long limit;
        private final long declared;
        private final String path;
        private long count;

        LimitedStream(ServletInputStream in, long limit, long declared, String path) {
            this.in = in;
            this.limit = limit;
            this.declared = declared;
            this.path = path;
        }

        @Override
        public int read() throws IOException {
            checkDeclared();
            int b = in.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            checkDeclared();
            // never ask for more than one byte past the limit, so the refusal comes as early as it can
            int n = in.read(buffer, offset, (int) Math.min(length, limit - count + 1));
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        private void checkDeclared() {
            if (declared > limit || count > limit) {
                throw BodyLimits.refusal(path, limit);
            }
        }

        private void counted(int n) {
            count += n;
            if (count > limit) {
                throw BodyLimits.refusal(path, limit);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }

        @Override
        public int available() throws IOException {
            return in.available();
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
