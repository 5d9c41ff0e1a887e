package com.walletdesk.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One {@link HeadlessChromium} for a browser test class, started before its first test and
 * stopped after its last: register it as a static {@code @RegisterExtension} field. Screenshots
 * go to target/screenshots; a wait that times out leaves one named after the test class.
 */
public final class Browser implements BeforeAllCallback, AfterAllCallback {

	public static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private final String failureScreenshot;

	private HeadlessChromium chromium;

	/** @param failureScreenshot the name of the screenshot taken when a wait times out */
	public Browser(String failureScreenshot) {
		this.failureScreenshot = failureScreenshot;
	}

	@Override
	public void beforeAll(ExtensionContext context) throws IOException {
		this.chromium = HeadlessChromium.start();
		Files.createDirectories(SCREENSHOTS);
	}

	@Override
	public void afterAll(ExtensionContext context) throws IOException {
		if (this.chromium != null) {
			this.chromium.close();
			this.chromium = null;
		}
	}

	public WebDriver driver() {
		return this.chromium.driver();
	}

	/** Loads a page of the application and waits until it is complete. */
	public void open(int port, String path) {
		driver().get("http://127.0.0.1:" + port + path);
		waitFor(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
	}

	/**
	 * Signs in through the pages, as a person would, and waits for the dashboard; an account
	 * with a second factor (a refunder) also passes it (TOTP) on its page.
	 */
	public void signIn(int port, String username, String password) {
		String code = TestMfa.codeForBrowserSignIn(port, username, password);
		driver().manage().deleteAllCookies();
		open(port, "/login");
		driver().findElement(By.id("username")).sendKeys(username);
		driver().findElement(By.id("password")).sendKeys(password);
		driver().findElement(By.cssSelector("form button[type='submit']")).click();
		waitFor(d -> d.getTitle().startsWith("Dashboard") || d.getCurrentUrl().contains("/account/mfa"));
		if (driver().getCurrentUrl().contains("/account/mfa")) {
			driver().findElement(By.id("code")).sendKeys(code);
			driver().findElement(By.cssSelector("form[action$='/account/mfa/verify'] button[type='submit']")).click();
			waitFor(d -> d.getTitle().startsWith("Dashboard"));
		}
	}

	/** Waits up to 10 s for the condition; on time-out, a screenshot and an AssertionError. */
	public void waitFor(Function<WebDriver, Boolean> condition) {
		try {
			new WebDriverWait(driver(), Duration.ofSeconds(10), Duration.ofMillis(100)).ignoring(RuntimeException.class)
				.until(condition::apply);
		}
		catch (RuntimeException ex) {
			screenshot(this.failureScreenshot);
			throw new AssertionError("timed out on " + driver().getCurrentUrl(), ex);
		}
	}

	/** Runs JavaScript in the page; {@code arguments[i]} are the args. */
	public Object script(String script, Object... args) {
		return ((JavascriptExecutor) driver()).executeScript(script, args);
	}

	/** Runs JavaScript in the page that returns an array of strings. */
	@SuppressWarnings("unchecked")
	public List<String> strings(String script, Object... args) {
		return (List<String>) script(script, args);
	}

	/** The text of the first element the CSS selector matches, its white space collapsed. */
	public String text(String css) {
		return ((String) script("return document.querySelector(arguments[0]).textContent;", css)).replaceAll("\\s+", " ")
			.strip();
	}

	/** Types into the field with this id what it should hold (its old text cleared first). */
	public void type(String id, String text) {
		WebElement field = driver().findElement(By.id(id));
		field.clear();
		field.sendKeys(text);
	}

	/** Presses the submit button of the form the CSS selector names. */
	public void submit(String formCss) {
		driver().findElement(By.cssSelector(formCss + " button[type='submit']")).click();
	}

	/** The text of the refund's outcome banner on a listing, or "" while there is none. */
	public String refundBanner() {
		return driver().findElements(By.cssSelector("#refund-outcome .banner")).isEmpty() ? ""
				: text("#refund-outcome .banner");
	}

	/** The value the input with this id holds now. */
	public String value(String id) {
		return driver().findElement(By.id(id)).getDomProperty("value");
	}

	/** The data-id of each row of the transactions table, top to bottom. */
	public List<String> transactionRowIds() {
		return strings("return Array.from(document.querySelectorAll('#transactions tbody tr')).map(r => r.dataset.id);");
	}

	/**
	 * Marks the window (the mark survives htmx swaps and dies with any page load) and records any
	 * Content-Security-Policy violation from now on.
	 */
	public void markPage() {
		script("window.walletdeskMarker = 'still-here'; window.cspViolations = [];"
				+ "document.addEventListener('securitypolicyviolation', e => window.cspViolations.push(e.violatedDirective));");
	}

	/** True while the page marked by {@link #markPage()} is still the one shown. */
	public boolean pageWasNotReloaded() {
		return "still-here".equals(script("return window.walletdeskMarker;"));
	}

	/** The CSP directives violated since {@link #markPage()}. */
	public List<String> cspViolations() {
		return strings("return window.cspViolations;");
	}

	public void screenshot(String name) {
		try {
			File png = ((TakesScreenshot) driver()).getScreenshotAs(OutputType.FILE);
			Files.copy(png.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
