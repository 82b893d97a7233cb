package dk.firmafon.testsupport;

import io.netty.handler.codec.http.HttpRequest;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.littleshoot.proxy.HttpFilters;
import org.littleshoot.proxy.HttpFiltersAdapter;
import org.littleshoot.proxy.HttpFiltersSourceAdapter;
import org.littleshoot.proxy.HttpProxyServer;
import org.littleshoot.proxy.ProxyAuthenticator;
import org.littleshoot.proxy.impl.DefaultHttpProxyServer;

/**
 * A real forward proxy in the test JVM (LittleProxy on loopback): it asks for a login ({@link #USER} and the
 * password it was started with), tunnels with {@code CONNECT} and records what it saw, so a test can assert that
 * traffic went through it and which credentials it was offered. A module using it declares LittleProxy itself (the
 * dependency is optional here).
 */
public final class TestProxy implements AutoCloseable {
    /** The user name the proxy accepts. */
    public static final String USER = "svc-firmafon";

    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<String> logins = new CopyOnWriteArrayList<>();
    private final HttpProxyServer server;

    private TestProxy(String password) {
        server = DefaultHttpProxyServer.bootstrap()
                .withAddress(new InetSocketAddress("127.0.0.1", 0))
                .withProxyAuthenticator(new ProxyAuthenticator() {
                    @Override
                    public boolean authenticate(String user, String offered) {
                        logins.add(user + ":" + offered);
                        return USER.equals(user) && password.equals(offered);
                    }

                    @Override
                    public String getRealm() {
                        return "test";
                    }
                })
                .withFiltersSource(new HttpFiltersSourceAdapter() {
                    @Override
                    public HttpFilters filterRequest(HttpRequest request) {
                        requests.add(request.method() + " " + request.uri());
                        return new HttpFiltersAdapter(request);
                    }
                })
                .start();
    }

    /** A proxy on a free loopback port accepting {@link #USER} with {@code password}. */
    public static TestProxy start(String password) {
        return new TestProxy(password);
    }

    /** The port it listens on (host 127.0.0.1). */
    public int port() {
        return server.getListenAddress().getPort();
    }

    /** Each request line it was asked for, such as {@code CONNECT 127.0.0.1:1234}, in order. */
    public List<String> requests() {
        return requests;
    }

    /** Each login it was offered, as {@code user:password}. */
    public List<String> logins() {
        return logins;
    }

    @Override
    public void close() {
        server.stop();
    }
}
