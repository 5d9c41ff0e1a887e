package com.walletdesk.web;

/** What a Java string can hold that is not text: a UTF-16 surrogate without its partner. */
public final class Unicode {

	private Unicode() {
	}

	/** True when a high surrogate is not followed by a low one, or a low one stands alone. */
	public static boolean hasLoneSurrogate(CharSequence text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				i++;
			}
			else if (Character.isSurrogate(c)) {
				return true;
			}
		}
		return false;
	}

}
