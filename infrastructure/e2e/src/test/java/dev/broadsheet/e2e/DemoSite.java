package dev.broadsheet.e2e;

import dev.broadsheet.local.LocalApi;
import dev.broadsheet.local.Settings;
import dev.broadsheet.local.SiteServer;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The local API with its demo site, started once for all end-to-end tests: in-memory emulators,
 * API and site on free ports, CORS allowing the site's origin only, the flood rule and the
 * per-client limits out of the way (one browser is one client address). Also a second copy of the
 * site on an origin the API does not allow. Tests are skipped, saying why, when there is no
 * Chromium to drive.
 */
final class DemoSite implements BeforeAllCallback, ParameterResolver {

    /** The running demo: the API, the site's origin, and an origin CORS does not allow. */
    record Demo(LocalApi api, String siteUrl, String foreignSiteUrl) {

        String articleUrl(String slug) {
            return siteUrl + "/articles/" + slug;
        }
    }

    private record Running(Demo demo, SiteServer foreign) implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        @Override
        public void close() {
            foreign.close();
            demo.api().close();
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        assumeTrue(Browser.unavailable().isEmpty(), () -> Browser.unavailable().orElse(""));
        demo(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Demo.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return demo(context);
    }

    private static Demo demo(ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.create(DemoSite.class))
                .getOrComputeIfAbsent(Running.class, key -> start(), Running.class).demo();
    }

    private static Running start() {
        int sitePort = freePort();
        String siteOrigin = "http://localhost:" + sitePort;
        LocalApi api = LocalApi.start(Settings.inMemory().withSite(sitePort).withParameters(Map.of("AllowedOrigins", siteOrigin,
                // Every test's browser posts from 127.0.0.1: no flood interval, no per-client limit in reach
                // (those rules have their own tests, functions/comments and infrastructure/local).
                "CommentFloodSeconds", "0", "CommentChallengesPerMinute", "10000", "CommentsPerHour", "10000")));
        SiteServer foreign = SiteServer.start(0, api.url());
        return new Running(new Demo(api, api.siteUrl().orElseThrow(), foreign.url()), foreign);
    }

    /** A port free now; the site binds it a moment later (the API's CORS origin must name it up front). */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
