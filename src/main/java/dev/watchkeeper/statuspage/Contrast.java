package dev.watchkeeper.statuspage;

/** WCAG 2 contrast ratios between sRGB colours written #rrggbb. */
final class Contrast {

	/** WCAG AA minimum for normal text. */
	static final double AA_TEXT = 4.5;

	/** WCAG AA minimum for user-interface components and graphics (the uptime bars). */
	static final double AA_GRAPHICS = 3.0;

	private Contrast() {
	}

	static double ratio(String foreground, String background) {
		double a = luminance(foreground);
		double b = luminance(background);
		return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
	}

	static double luminance(String color) {
		int rgb = Integer.parseInt(color.substring(1), 16);
		return 0.2126 * channel((rgb >> 16) & 0xff) + 0.7152 * channel((rgb >> 8) & 0xff)
				+ 0.0722 * channel(rgb & 0xff);
	}

	private static double channel(int value) {
		double c = value / 255.0;
		return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
	}

}
