package dev.watchkeeper.statuspage.web;

import java.util.Locale;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/**
 * The cached answers are kept gzipped too: sent so to clients that accept it, as browsers
 * do.
 */
final class Compression {

	private Compression() {
	}

	static boolean accepted(String acceptEncoding) {
		for (String part : acceptEncoding.toLowerCase(Locale.ROOT).split(",")) {
			String[] coding = part.trim().split(";");
			if (coding[0].trim().equals("gzip")) {
				return coding.length < 2 || !coding[1].replace(" ", "").matches("q=0(\\.0*)?");
			}
		}
		return false;
	}

	static ResponseEntity.BodyBuilder mark(ResponseEntity.BodyBuilder response, boolean gzipped) {
		response.header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
		return gzipped ? response.header(HttpHeaders.CONTENT_ENCODING, "gzip") : response;
	}

}
