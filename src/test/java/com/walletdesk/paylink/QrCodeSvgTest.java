package com.walletdesk.paylink;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The SVG is a QR code of the link's URL: drawn back into pixels, ZXing's reader reads the URL. */
class QrCodeSvgTest {

	private static final Pattern VIEW_BOX = Pattern.compile("viewBox=\"0 0 (\\d+) \\1\"");

	private static final Pattern MODULE = Pattern.compile("M(\\d+) (\\d+)h1v1h-1z");

	@Test
	void readsBackAsTheUrl() throws Exception {
		String url = "https://pay.walletdesk.example/pay/" + LinkTokens.next();
		String svg = QrCodeSvg.of(url, "QR code: <PBL & 1>");

		assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"").endsWith("</svg>")
			.contains("<title>QR code: &lt;PBL &amp; 1&gt;</title>")
			.doesNotContain("<script")
			.doesNotContain("style=");
		assertThat(decode(svg)).isEqualTo(url);
	}

	@Test
	void tokensAre256RandomBitsInBase64Url() {
		String token = LinkTokens.next();
		assertThat(token).matches("[A-Za-z0-9_-]{43}");
		assertThat(LinkTokens.wellFormed(token)).isTrue();
		assertThat(LinkTokens.next()).isNotEqualTo(token);
		assertThat(LinkTokens.wellFormed("short")).isFalse();
		assertThat(LinkTokens.wellFormed(token + "=")).isFalse();
		assertThat(LinkTokens.wellFormed(null)).isFalse();
	}

	/** Draws the SVG's modules at 4 pixels each and reads the QR code. */
	private static String decode(String svg) throws Exception {
		Matcher box = VIEW_BOX.matcher(svg);
		assertThat(box.find()).isTrue();
		int modules = Integer.parseInt(box.group(1));
		int scale = 4;
		int size = modules * scale;
		int[] pixels = new int[size * size];
		java.util.Arrays.fill(pixels, 0xFFFFFF);
		Matcher module = MODULE.matcher(svg);
		int dark = 0;
		while (module.find()) {
			int x = Integer.parseInt(module.group(1));
			int y = Integer.parseInt(module.group(2));
			for (int dy = 0; dy < scale; dy++) {
				for (int dx = 0; dx < scale; dx++) {
					pixels[(y * scale + dy) * size + x * scale + dx] = 0;
				}
			}
			dark++;
		}
		assertThat(dark).isGreaterThan(100);
		BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(size, size, pixels)));
		return new QRCodeReader().decode(bitmap).getText();
	}

}
