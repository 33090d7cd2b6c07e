package org.homeward.app.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * HTTP/1.1 written byte for byte, for requests no well-behaved client sends: undecodable paths, bytes outside
 * ASCII in headers, wildcard content types; and several requests on one kept-alive connection, to see what the
 * server promises about it.
 */
public final class RawHttp {

    public record Answer(int status, String headers, String body) {

        public String header(String name) {
            return headers.lines().filter(line -> line.toLowerCase(Locale.ROOT)
                                                      .startsWith(name.toLowerCase(Locale.ROOT) + ":"))
                          .map(line -> line.substring(line.indexOf(':') + 1).strip()).findFirst().orElse(null);
        }
    }

    private RawHttp() {
    }

    /** @param headLines the request line and headers, without Host, Content-Length and Connection */
    public static Answer send(int port, String headLines, byte[] body) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            String head = headLines + "\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                          + (body == null ? "" : "Content-Length: " + body.length + "\r\n") + "\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                socket.getOutputStream().write(body);
            }
            socket.getOutputStream().flush();
            String answer = new String(readAll(socket.getInputStream()), StandardCharsets.UTF_8);
            int split = answer.indexOf("\r\n\r\n");
            String headers = answer.substring(0, split);
            String rest = answer.substring(split + 4);
            boolean chunked = headers.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked");
            return new Answer(Integer.parseInt(headers.substring(9, 12)), headers, chunked ? unchunk(rest) : rest);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A kept-alive connection: requests go out one at a time, each answer is read whole before the next. */
    public static final class Connection implements AutoCloseable {

        private final Socket socket;
        private final InputStream in;

        public Connection(int port) {
            try {
                socket = new Socket("127.0.0.1", port);
                socket.setSoTimeout(20_000);
                in = socket.getInputStream();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** @param headLines the request line and headers, without Host and Content-Length */
        public Answer send(String headLines, byte[] body) {
            try {
                String head = headLines + "\r\nHost: 127.0.0.1\r\n"
                              + (body == null ? "" : "Content-Length: " + body.length + "\r\n") + "\r\n";
                socket.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
                if (body != null) {
                    socket.getOutputStream().write(body);
                }
                socket.getOutputStream().flush();
                String headers = readHead();
                Answer answer = new Answer(Integer.parseInt(headers.substring(9, 12)), headers, "");
                String length = answer.header("Content-Length");
                String rest = "chunked".equalsIgnoreCase(answer.header("Transfer-Encoding")) ? readChunks()
                        : new String(length == null ? readAll(in) : in.readNBytes(Integer.parseInt(length)),
                                     StandardCharsets.UTF_8);
                return new Answer(answer.status(), headers, rest);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Whether the server closes the connection (end of stream) rather than sending anything more. An answer
         *  without a length or chunks has been read to the end of the stream already. */
        public boolean closedByServer() {
            try {
                return in.read() < 0;
            } catch (IOException reset) {
                return true;
            }
        }

        private String readHead() throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                int next = in.read();
                if (next < 0) {
                    throw new IOException("closed by the server before an answer: " + head);
                }
                head.write(next);
            }
            String text = head.toString(StandardCharsets.ISO_8859_1);
            return text.substring(0, text.length() - 4);
        }

        private String readChunks() throws IOException {
            StringBuilder body = new StringBuilder();
            while (true) {
                int size = Integer.parseInt(readLine().strip(), 16);
                if (size == 0) {
                    readLine();
                    return body.toString();
                }
                body.append(new String(in.readNBytes(size), StandardCharsets.UTF_8));
                readLine();
            }
        }

        private String readLine() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int next = in.read(); next != '\n'; next = in.read()) {
                if (next < 0) {
                    throw new IOException("closed by the server inside an answer");
                }
                line.write(next);
            }
            return line.toString(StandardCharsets.ISO_8859_1);
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // already gone
            }
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toByteArray();
    }

    private static String unchunk(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (true) {
            int lineEnd = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, lineEnd).strip(), 16);
            if (size == 0) {
                return body.toString();
            }
            // sizes count bytes; the bodies here are ASCII JSON
            body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
    }
}
