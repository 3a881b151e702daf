package org.portico.platform.uploads;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real ClamAV {@code clamd} for the tests, with one local signature that finds the
 * EICAR anti-virus test string anywhere in a file: the tests need no signature download.
 * It is started once per test run on a fixed local port (or reused if one answers there)
 * and the application is pointed at it. ClamAV must be installed ({@code apt-get install
 * clamav-daemon}).
 */
public class LocalClamd implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	/**
	 * The port the tests' clamd listens on: not the default, so a system clamd is left
	 * alone.
	 */
	static final int PORT = Integer.parseInt(System.getProperty("portico.test.clamd-port", "3311"));

	private static volatile boolean running;

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		ensureRunning();
		TestPropertyValues
			.of("portico.uploads.clamd.host=127.0.0.1", "portico.uploads.clamd.port=" + PORT,
					"portico.uploads.clamd.timeout=10s")
			.applyTo(context);
	}

	/**
	 * The industry's harmless test "virus", put together here so that the source file
	 * itself does not look infected to a scanner.
	 */
	public static byte[] eicar() {
		String text = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$" + "EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";
		return text.getBytes(StandardCharsets.US_ASCII);
	}

	/** A file that starts like a PDF and carries the EICAR string. */
	public static byte[] infectedPdf() {
		byte[] head = "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII);
		byte[] eicar = eicar();
		byte[] file = new byte[head.length + eicar.length];
		System.arraycopy(head, 0, file, 0, head.length);
		System.arraycopy(eicar, 0, file, head.length, eicar.length);
		return file;
	}

	static synchronized void ensureRunning() {
		if (running || answers()) {
			running = true;
			return;
		}
		try {
			start();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not start ClamAV's clamd for the tests", ex);
		}
		running = true;
	}

	private static void start() throws IOException {
		Path clamd = Path.of("/usr/sbin/clamd");
		if (!Files.isExecutable(clamd)) {
			throw new IllegalStateException(
					"The tests scan uploads with ClamAV's clamd, which is not installed: apt-get install clamav-daemon");
		}
		Path home = Files.createTempDirectory("portico-clamd");
		Path signatures = Files.createDirectories(home.resolve("signatures"));
		Files.writeString(signatures.resolve("portico-test.ndb"),
				"Portico.Test.EICAR:0:*:" + HexFormat.of().formatHex(eicar()) + "\n");
		Path config = home.resolve("clamd.conf");
		Files.writeString(config, String.join("\n", "Foreground yes", "TCPAddr 127.0.0.1", "TCPSocket " + PORT,
				"DatabaseDirectory " + signatures, "LogFile " + home.resolve("clamd.log"), "SelfCheck 0", ""));
		Process process = new ProcessBuilder(clamd.toString(), "--config-file=" + config).redirectErrorStream(true)
			.redirectOutput(home.resolve("clamd.out").toFile())
			.start();
		Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException(
						"clamd stopped at start: " + Files.readString(home.resolve("clamd.out")));
			}
			if (answers()) {
				return;
			}
			sleep();
		}
		process.destroy();
		throw new IllegalStateException("clamd did not answer within 60 s");
	}

	private static boolean answers() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", PORT), 500);
			socket.setSoTimeout(2000);
			OutputStream out = socket.getOutputStream();
			out.write("zPING\0".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			return new String(in.readNBytes(4), StandardCharsets.US_ASCII).equals("PONG");
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static void sleep() {
		try {
			Thread.sleep(100);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
