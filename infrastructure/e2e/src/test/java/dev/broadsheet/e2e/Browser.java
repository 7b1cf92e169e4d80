package dev.broadsheet.e2e;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Headless Chromium, the system's ({@code chromium} and {@code chromedriver} from Debian's
 * packages), driven through Selenium with the driver path given explicitly, so that Selenium
 * Manager has nothing to look up or download. Every page gets {@link #HOOKS} before its own
 * scripts run.
 */
final class Browser implements AutoCloseable {

    /**
     * Injected into every document before its scripts: records any call of alert/confirm/prompt
     * or console.*, and the flag the test's own payloads set, so a test can assert none happened.
     */
    static final String HOOKS = """
            (() => {
              const fired = [];
              Object.defineProperty(window, "__scriptsFired", { value: fired });
              const record = kind => function (...args) { fired.push(kind + "(" + args.map(String).join(", ") + ")"); };
              window.alert = record("alert");
              window.confirm = record("confirm");
              window.prompt = record("prompt");
              window.print = record("print");
              for (const level of ["log", "info", "warn", "error", "debug", "trace", "dir", "table"]) {
                console[level] = record("console." + level);
              }
              Object.defineProperty(window, "__broadsheetXss", {
                set(value) { fired.push("flag " + value); }, get() { return undefined; }
              });
            })();
            """;

    private static final List<String> BROWSERS = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser");
    private static final List<String> DRIVERS = List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");

    // Selenium looks for CDP bindings matching the browser to offer its DevTools API, which these
    // tests do not use (executeCdpCommand needs none); its warning that it found none is noise.
    // Held in a field: java.util.logging keeps loggers weakly, and a collected one forgets its level.
    private static final Logger CDP_VERSION_LOG = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    static {
        CDP_VERSION_LOG.setLevel(Level.SEVERE);
    }

    private final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Why the browser tests cannot run here, or empty when they can. */
    static Optional<String> unavailable() {
        if (binary().isEmpty()) {
            return Optional.of("No Chromium found (looked for " + String.join(", ", BROWSERS)
                    + ", -Dbroadsheet.chromium): apt-get install -y chromium chromium-driver, as .ci/run does");
        }
        if (driverBinary().isEmpty()) {
            return Optional.of("No chromedriver found (looked for " + String.join(", ", DRIVERS)
                    + ", -Dbroadsheet.chromedriver): apt-get install -y chromium-driver, as .ci/run does");
        }
        return Optional.empty();
    }

    static Browser open() {
        return open(true);
    }

    /** A browser as a reader who turned JavaScript off sees pages. */
    static Browser openWithoutJavaScript() {
        return open(false);
    }

    private static Browser open(boolean javascript) {
        Path profile;
        try {
            profile = Files.createTempDirectory("broadsheet-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(binary().orElseThrow());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,1400", "--user-data-dir=" + profile);
        if (!javascript) {
            options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(driverBinary().orElseThrow()).toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(15));
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", HOOKS));
        return new Browser(driver, profile);
    }

    ChromeDriver driver() {
        return driver;
    }

    void get(String url) {
        driver.get(url);
    }

    Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    Object asyncScript(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeAsyncScript(script, args);
    }

    /** What the hooks recorded on the current page: alert/confirm/prompt/console calls, the flag. */
    @SuppressWarnings("unchecked")
    List<String> scriptsFired() {
        return (List<String>) script("return Array.from(window.__scriptsFired || ['hooks missing']);");
    }

    <T> T waitFor(Function<ChromeDriver, T> condition) {
        return waitFor(condition, Duration.ofSeconds(15));
    }

    <T> T waitFor(Function<ChromeDriver, T> condition, Duration timeout) {
        return new WebDriverWait(driver, timeout).until(ignored -> condition.apply(driver));
    }

    /** The whole page, beyond the window, as {@code target/screenshots/<name>.png}. */
    Path screenshot(String name) {
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true));
        return save(name, Base64.getDecoder().decode((String) shot.get("data")));
    }

    /** One element (scrolled into view), as {@code target/screenshots/<name>.png}. */
    Path screenshot(String name, WebElement element) {
        script("arguments[0].scrollIntoView();", element);
        return save(name, element.getScreenshotAs(OutputType.BYTES));
    }

    private static Path save(String name, byte[] png) {
        Path dir = Path.of(System.getProperty("broadsheet.screenshots", "target/screenshots"));
        try {
            Files.createDirectories(dir);
            return Files.write(dir.resolve(name + ".png"), png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException ignored) {
                // A temporary profile left behind is harmless.
            }
        }
    }

    private static Optional<String> binary() {
        return firstExecutable(System.getProperty("broadsheet.chromium"), BROWSERS);
    }

    private static Optional<String> driverBinary() {
        return firstExecutable(System.getProperty("broadsheet.chromedriver"), DRIVERS);
    }

    private static Optional<String> firstExecutable(String override, List<String> candidates) {
        return (override != null ? List.of(override) : candidates).stream()
                .filter(candidate -> Files.isExecutable(Path.of(candidate))).findFirst();
    }
}
