package com.walletdesk.secrets;

import java.util.Base64;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** AES-GCM sealing: opens only under the same key and purpose, never the same text twice, tampering fails. */
class SecretBoxTest {

	static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

	static final String OTHER_KEY = Base64.getEncoder().encodeToString("another-32-byte-key-for-the-test".getBytes());

	private final SecretBox box = new SecretBox(KEY);

	@Test
	void sealsAndOpens() {
		String sealed = this.box.seal("p", "JBSWY3DPEHPK3PXP");
		assertThat(sealed).startsWith("v1:").doesNotContain("JBSWY3DPEHPK3PXP");
		assertThat(SecretBox.isSealed(sealed)).isTrue();
		assertThat(this.box.open("p", sealed)).isEqualTo("JBSWY3DPEHPK3PXP");
		assertThat(this.box.seal("p", "JBSWY3DPEHPK3PXP")).as("a fresh nonce each time").isNotEqualTo(sealed);
	}

	@Test
	void opensOnlyUnderTheSameKeyAndPurpose() {
		String sealed = this.box.seal("p", "secret");
		assertThatThrownBy(() -> this.box.open("q", sealed)).isInstanceOf(SecretUnreadableException.class);
		assertThatThrownBy(() -> new SecretBox(OTHER_KEY).open("p", sealed)).isInstanceOf(SecretUnreadableException.class);
	}

	@Test
	void aChangedValueDoesNotOpen() {
		String sealed = this.box.seal("p", "secret");
		byte[] raw = Base64.getDecoder().decode(sealed.substring(3));
		raw[raw.length - 1] ^= 1;
		String tampered = "v1:" + Base64.getEncoder().encodeToString(raw);
		assertThatThrownBy(() -> this.box.open("p", tampered)).isInstanceOf(SecretUnreadableException.class);
		assertThatThrownBy(() -> this.box.open("p", "v1:AAAA")).isInstanceOf(SecretUnreadableException.class);
		assertThatThrownBy(() -> this.box.open("p", "v1:***")).isInstanceOf(SecretUnreadableException.class);
	}

	@Test
	void withoutAKeyNothingIsSealed() {
		SecretBox none = new SecretBox("");
		assertThat(none.available()).isFalse();
		assertThatThrownBy(() -> none.seal("p", "s")).isInstanceOf(SecretUnreadableException.class);
	}

	@Test
	void aKeyOfTheWrongSizeOrNotBase64StopsTheStart() {
		assertThatThrownBy(() -> new SecretBox(Base64.getEncoder().encodeToString(new byte[16])))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("32 bytes");
		assertThatThrownBy(() -> new SecretBox("not base64!")).isInstanceOf(IllegalStateException.class);
	}

}
