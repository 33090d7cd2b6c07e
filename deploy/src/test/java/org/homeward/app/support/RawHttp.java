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
 * ASCII in headers, wildcard content types. One request per connection.
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
