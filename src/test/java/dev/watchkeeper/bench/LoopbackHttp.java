package dev.watchkeeper.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A minimal HTTP/1.1 client (GET, or POST of a JSON body) over plain keep-alive sockets,
 * one request per connection at a time. The JDK's {@code HttpClient} costs the driver as
 * much CPU per request as the server spends answering it, and on a two-core machine the
 * driver's CPU is taken from the server; blocking sockets on virtual threads cost a
 * fraction of that.
 */
final class LoopbackHttp implements AutoCloseable {

	private final InetSocketAddress address;

	private final byte[] request;

	private final String postHead;

	private final int timeoutMillis;

	private final ConcurrentLinkedQueue<Connection> idle = new ConcurrentLinkedQueue<>();

	LoopbackHttp(URI url, String token, int timeoutMillis) {
		if ("https".equals(url.getScheme())) {
			throw new IllegalArgumentException("--url: the driver speaks plain http only");
		}
		int port = url.getPort() == -1 ? 80 : url.getPort();
		this.address = new InetSocketAddress(url.getHost().replace("[", "").replace("]", ""), port);
		this.timeoutMillis = timeoutMillis;
		String target = url.getRawPath().isEmpty() ? "/" : url.getRawPath();
		if (url.getRawQuery() != null) {
			target += "?" + url.getRawQuery();
		}
		String head = "GET " + target + " HTTP/1.1\r\nHost: " + url.getRawAuthority() + "\r\n"
				+ "Accept: application/json\r\nUser-Agent: watchkeeper-load-driver\r\n"
				+ (token == null ? "" : "Authorization: Bearer " + token + "\r\n") + "\r\n";
		this.request = head.getBytes(StandardCharsets.ISO_8859_1);
		this.postHead = "POST " + target + " HTTP/1.1\r\nHost: " + url.getRawAuthority() + "\r\n"
				+ "Accept: application/json\r\nContent-Type: application/json\r\n"
				+ "User-Agent: watchkeeper-load-driver\r\n"
				+ (token == null ? "" : "Authorization: Bearer " + token + "\r\n") + "Content-Length: ";
	}

	/** Sends the GET and reads the whole response; returns its status and body size. */
	Response get() throws IOException {
		return send(request);
	}

	/** POSTs this JSON body and reads the whole response. */
	Response post(byte[] body) throws IOException {
		byte[] head = (postHead + body.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
		byte[] whole = new byte[head.length + body.length];
		System.arraycopy(head, 0, whole, 0, head.length);
		System.arraycopy(body, 0, whole, head.length, body.length);
		return send(whole);
	}

	private Response send(byte[] request) throws IOException {
		Connection connection = idle.poll();
		boolean reused = connection != null;
		if (connection == null) {
			connection = open();
		}
		try {
			Response response = connection.exchange(request);
			if (response.keepAlive()) {
				idle.add(connection);
			}
			else {
				connection.close();
			}
			return response;
		}
		catch (IOException ex) {
			connection.close();
			if (reused) {
				// the server may close an idle keep-alive connection at any time: retry
				// once on a fresh one
				return send(request);
			}
			throw ex;
		}
	}

	private Connection open() throws IOException {
		var socket = new Socket();
		socket.setTcpNoDelay(true);
		socket.connect(address, timeoutMillis);
		socket.setSoTimeout(timeoutMillis);
		return new Connection(socket);
	}

	@Override
	public void close() {
		Connection connection;
		while ((connection = idle.poll()) != null) {
			connection.close();
		}
	}

	record Response(int status, long bytes, boolean keepAlive) {
	}

	private static final class Connection {

		private final Socket socket;

		private final InputStream in;

		private final OutputStream out;

		private final byte[] buffer = new byte[16384];

		Connection(Socket socket) throws IOException {
			this.socket = socket;
			this.in = new BufferedInputStream(socket.getInputStream(), 65536);
			this.out = new BufferedOutputStream(socket.getOutputStream(), 4096);
		}

		Response exchange(byte[] request) throws IOException {
			out.write(request);
			out.flush();
			String statusLine = line();
			if (!statusLine.startsWith("HTTP/1.")) {
				throw new IOException("not an HTTP response: " + statusLine);
			}
			int status = Integer.parseInt(statusLine.substring(9, 12));
			long length = -1;
			boolean chunked = false;
			boolean keepAlive = true;
			String header;
			while (!(header = line()).isEmpty()) {
				int colon = header.indexOf(':');
				if (colon < 0) {
					continue;
				}
				String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
				String value = header.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
				switch (name) {
					case "content-length" -> length = Long.parseLong(value);
					case "transfer-encoding" -> chunked = value.contains("chunked");
					case "connection" -> keepAlive = !value.contains("close");
					default -> {
					}
				}
			}
			long bytes;
			if (chunked) {
				bytes = chunkedBody();
			}
			else if (length >= 0) {
				skip(length);
				bytes = length;
			}
			else {
				// no length: the body runs to the end of the connection
				bytes = 0;
				int n;
				while ((n = in.read(buffer)) >= 0) {
					bytes += n;
				}
				keepAlive = false;
			}
			return new Response(status, bytes, keepAlive);
		}

		private long chunkedBody() throws IOException {
			long bytes = 0;
			while (true) {
				String size = line();
				int extension = size.indexOf(';');
				long chunk = Long.parseLong((extension < 0 ? size : size.substring(0, extension)).trim(), 16);
				if (chunk == 0) {
					while (!line().isEmpty()) {
						// trailers
					}
					return bytes;
				}
				skip(chunk);
				bytes += chunk;
				line();
			}
		}

		private void skip(long count) throws IOException {
			long left = count;
			while (left > 0) {
				int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
				if (n < 0) {
					throw new EOFException("response ended " + left + " bytes early");
				}
				left -= n;
			}
		}

		private String line() throws IOException {
			var text = new StringBuilder(64);
			int c;
			while ((c = in.read()) != '\n') {
				if (c < 0) {
					throw new EOFException("connection closed mid-response");
				}
				if (c != '\r') {
					text.append((char) c);
				}
			}
			return text.toString();
		}

		void close() {
			try {
				socket.close();
			}
			catch (IOException ex) {
				// closing anyway
			}
		}

	}

}
