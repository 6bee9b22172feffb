package dev.watchkeeper.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import dev.watchkeeper.platform.config.WatchkeeperSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Encrypts small secrets at rest (AES-256-GCM) and signs values (HMAC-SHA256) with keys
 * derived from {@code SECRET_KEY}. In development without a {@code SECRET_KEY}, a random
 * key is generated once into {@code <data dir>/secret.key} so restarts keep working.
 */
@Component
public class SecretKeyring {

	private static final Logger log = LoggerFactory.getLogger(SecretKeyring.class);

	private static final SecureRandom RANDOM = new SecureRandom();

	private final byte[] encryptionKey;

	private final byte[] signingKey;

	public SecretKeyring(WatchkeeperSettings settings) {
		String secret = settings.secretKey() != null && !settings.secretKey().isBlank() ? settings.secretKey()
				: developmentKey(settings.dataDir());
		this.encryptionKey = derive(secret, "encryption");
		this.signingKey = derive(secret, "signing");
	}

	public String encrypt(String plain) {
		try {
			byte[] iv = new byte[12];
			RANDOM.nextBytes(iv);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(encryptionKey, "AES"), new GCMParameterSpec(128, iv));
			byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
			return "v1:" + Base64.getEncoder()
				.encodeToString(ByteBuffer.allocate(12 + sealed.length).put(iv).put(sealed).array());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Encryption failed", ex);
		}
	}

	public String decrypt(String sealed) {
		if (!sealed.startsWith("v1:")) {
			throw new IllegalArgumentException("Unknown secret format");
		}
		try {
			byte[] bytes = Base64.getDecoder().decode(sealed.substring(3));
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(encryptionKey, "AES"),
					new GCMParameterSpec(128, bytes, 0, 12));
			return new String(cipher.doFinal(bytes, 12, bytes.length - 12), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("The secret cannot be decrypted: was SECRET_KEY changed?", ex);
		}
	}

	/** HMAC-SHA256 of {@code value}, hex encoded. */
	public String sign(String value) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(signingKey, "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] derive(String secret, String purpose) {
		try {
			return MessageDigest.getInstance("SHA-256")
				.digest((purpose + ":" + secret).getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String developmentKey(Path dataDir) {
		Path file = dataDir.resolve("secret.key");
		try {
			if (Files.isRegularFile(file)) {
				return Files.readString(file).trim();
			}
			Files.createDirectories(dataDir);
			byte[] random = new byte[32];
			RANDOM.nextBytes(random);
			String key = HexFormat.of().formatHex(random);
			Files.writeString(file, key);
			try {
				Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
			}
			catch (UnsupportedOperationException ex) {
				// not a POSIX file system; the file stays as created
			}
			log.warn(
					"SECRET_KEY is not set: generated a development key in {}; set SECRET_KEY in staging and production",
					file);
			return key;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or create " + file, ex);
		}
	}

}
