package org.portico.platform.uploads;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks ClamAV's {@code clamd} over TCP with its INSTREAM command: the file's bytes go to
 * the daemon in chunks, so it needs no access to the portal's disk, and the daemon
 * answers "stream: OK" or "stream: &lt;signature&gt; FOUND".
 */
class ClamdScanner implements VirusScanner {

	private static final Logger log = LoggerFactory.getLogger(ClamdScanner.class);

	private static final int CHUNK = 64 * 1024;

	private final InetSocketAddress address;

	private final Duration timeout;

	ClamdScanner(String host, int port, Duration timeout) {
		this.address = InetSocketAddress.createUnresolved(host, port);
		this.timeout = timeout;
	}

	@Override
	public Verdict scan(byte[] content) {
		String reply;
		try {
			reply = ask(content);
		}
		catch (IOException ex) {
			log.warn("The virus scanner at {} could not be asked: {}", this.address, ex.toString());
			return Verdict.UNAVAILABLE;
		}
		if (reply.endsWith(" OK")) {
			return Verdict.CLEAN;
		}
		if (reply.endsWith(" FOUND")) {
			log.warn("The virus scanner refused an upload: {}", reply);
			return Verdict.INFECTED;
		}
		log.warn("The virus scanner answered: {}", reply);
		return Verdict.UNAVAILABLE;
	}

	private String ask(byte[] content) throws IOException {
		try (Socket socket = new Socket()) {
			int millis = (int) this.timeout.toMillis();
			socket.connect(new InetSocketAddress(this.address.getHostString(), this.address.getPort()), millis);
			socket.setSoTimeout(millis);
			DataOutputStream out = new DataOutputStream(socket.getOutputStream());
			out.write("zINSTREAM\0".getBytes(StandardCharsets.US_ASCII));
			for (int offset = 0; offset < content.length; offset += CHUNK) {
				int length = Math.min(CHUNK, content.length - offset);
				out.writeInt(length);
				out.write(content, offset, length);
			}
			out.writeInt(0);
			out.flush();
			return readReply(socket.getInputStream());
		}
	}

	private static String readReply(InputStream in) throws IOException {
		ByteArrayOutputStream reply = new ByteArrayOutputStream();
		for (int b = in.read(); b > 0; b = in.read()) {
			reply.write(b);
		}
		return reply.toString(StandardCharsets.US_ASCII).trim();
	}

}
