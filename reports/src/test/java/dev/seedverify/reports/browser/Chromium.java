package dev.seedverify.reports.browser;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Headless Chromium driven by chromedriver (Debian's {@code chromium} and {@code chromium-driver},
 * or {@code -Dseedverify.chromium=...} and {@code -Dseedverify.chromedriver=...}). The flags keep it
 * off the network (which is closed on CI machines) and out of any existing profile. Public for the
 * other modules' browser tests (the CLI's campaign reports), through this module's test jar.
 */
public final class Chromium implements AutoCloseable {
    public static final Path BINARY = Path.of(System.getProperty("seedverify.chromium", "/usr/bin/chromium"));
    public static final Path DRIVER = Path.of(System.getProperty("seedverify.chromedriver", "/usr/bin/chromedriver"));
    public static final Path OUT = Path.of(System.getProperty("seedverify.reports.testOut", "target/report-tests"));

    /** Selenium warns that it has no DevTools binding for this Chromium; these tests use none, so the warning is noise. */
    private static final java.util.logging.Logger CDP_LOG = java.util.logging.Logger.getLogger("org.openqa.selenium.devtools");
    private static final java.util.logging.Logger CHROMIUM_LOG = java.util.logging.Logger.getLogger("org.openqa.selenium.chromium");

    static {
        CDP_LOG.setLevel(java.util.logging.Level.SEVERE);
        CHROMIUM_LOG.setLevel(java.util.logging.Level.SEVERE);
    }

    public final WebDriver driver;
    private final ChromeDriverService service;

    private Chromium(WebDriver driver, ChromeDriverService service) {
        this.driver = driver;
        this.service = service;
    }

    /** Skips the calling test, saying why, when Chromium or chromedriver is not installed. */
    public static void assumeInstalled() {
        assumeTrue(Files.isExecutable(BINARY), "Chromium not installed at " + BINARY + " (Debian: apt-get install chromium; or -Dseedverify.chromium=PATH)");
        assumeTrue(Files.isExecutable(DRIVER), "chromedriver not installed at " + DRIVER
                + " (Debian: apt-get install chromium-driver; or -Dseedverify.chromedriver=PATH)");
    }

    public static Chromium start() throws IOException {
        assumeInstalled();
        Path profile = Files.createTempDirectory(Files.createDirectories(OUT), "chromium-profile");
        ChromeOptions o = new ChromeOptions();
        o.setBinary(BINARY.toFile());
        o.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars",
                "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1366,1000", "--force-device-scale-factor=1");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort()
                .withLogFile(OUT.resolve("chromedriver.log").toFile()).build();
        return new Chromium(new ChromeDriver(service, o), service);
    }

    public void open(Path file) { driver.get(file.toAbsolutePath().toUri().toString()); }

    /** A screenshot of the whole page (the window grown to the page's height, capped), saved as {@code OUT/screenshots/name}. */
    public Path screenshot(String name) throws IOException {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        long height = ((Number) js.executeScript("return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)")).longValue();
        long frame = ((Number) js.executeScript("return window.outerHeight - window.innerHeight")).longValue();
        driver.manage().window().setSize(new Dimension(1366, (int) (Math.min(Math.max(height, 900), 8000) + frame)));
        byte[] png = ((ChromeDriver) driver).getScreenshotAs(OutputType.BYTES);
        Path file = Files.createDirectories(OUT.resolve("screenshots")).resolve(name);
        Files.write(file, png);
        return file;
    }

    /** Checks {@code file} is a PNG of at least {@code minWidth} x {@code minHeight} showing more than a blank page. */
    public static void assertPlausiblePng(Path file, int minWidth, int minHeight) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        assertThat(bytes).startsWith(0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n');
        assertThat(bytes.length).as("PNG size in bytes").isGreaterThan(20_000);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
        assertThat(image.getWidth()).isGreaterThanOrEqualTo(minWidth);
        assertThat(image.getHeight()).isGreaterThanOrEqualTo(minHeight);
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) for (int x = 0; x < image.getWidth(); x += 3) colours.add(image.getRGB(x, y));
        assertThat(colours.size()).as("distinct colours sampled (a blank page has one)").isGreaterThan(50);
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
        }
    }
}
