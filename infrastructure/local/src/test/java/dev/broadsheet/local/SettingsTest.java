package dev.broadsheet.local;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SettingsTest {

    private static final Path ROOT = Path.of("/repo");

    @Test
    void defaultsToPort3000AndTheRepositorysDataDirectory() {
        Settings settings = Settings.parse(new String[0], Map.of(), ROOT);
        assertEquals(3000, settings.port());
        assertEquals(ROOT.resolve(".broadsheet/data"), settings.dataDir());
        assertFalse(settings.fresh());
        assertEquals(Map.of(), settings.parameters());
    }

    @Test
    void readsFlagsAndThePortVariable() {
        assertEquals(4000, Settings.parse(new String[0], Map.of("BROADSHEET_PORT", "4000"), ROOT).port());

        Settings settings = Settings.parse(new String[] {"--port", "0", "--data-dir", "/tmp/d", "--fresh",
                "--param", "AllowedOrigins=http://a.example,http://b.example", "--param", "ArticleCacheControl=no-store"},
                Map.of("BROADSHEET_PORT", "4000"), ROOT);
        assertEquals(0, settings.port());
        assertEquals(Path.of("/tmp/d"), settings.dataDir());
        assertTrue(settings.fresh());
        assertEquals(Map.of("AllowedOrigins", "http://a.example,http://b.example", "ArticleCacheControl", "no-store"),
                settings.parameters());
    }

    @Test
    void theDemoSiteIsOnPort8080UnlessToldOtherwise() {
        assertEquals(8080, Settings.parse(new String[0], Map.of(), ROOT).sitePort());
        assertEquals(9090, Settings.parse(new String[] {"--site-port", "9090"}, Map.of(), ROOT).sitePort());
        assertEquals(Settings.NO_SITE, Settings.parse(new String[] {"--site-port", "0"}, Map.of(), ROOT).sitePort());
        assertEquals(Settings.NO_SITE, Settings.inMemory().sitePort());
        assertEquals(0, Settings.inMemory().withSite(0).sitePort());
        assertThrows(IllegalArgumentException.class, () -> Settings.parse(new String[] {"--site-port", "x"}, Map.of(), ROOT));
        assertThrows(IllegalArgumentException.class, () -> Settings.parse(new String[] {"--site-port", "-5"}, Map.of(), ROOT));
    }

    @Test
    void rejectsWhatItDoesNotUnderstand() {
        assertThrows(IllegalArgumentException.class, () -> Settings.parse(new String[] {"--verbose"}, Map.of(), ROOT));
        assertThrows(IllegalArgumentException.class, () -> Settings.parse(new String[] {"--port"}, Map.of(), ROOT));
        assertThrows(IllegalArgumentException.class, () -> Settings.parse(new String[] {"--port", "http"}, Map.of(), ROOT));
        assertThrows(IllegalArgumentException.class, () -> Settings.parse(new String[] {"--port", "70000"}, Map.of(), ROOT));
        assertThrows(IllegalArgumentException.class, () -> Settings.parse(new String[] {"--param", "NoValue"}, Map.of(), ROOT));
    }
}
