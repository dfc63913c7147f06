package org.pobox.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * pobox's settings: {@code application.properties} on the classpath, then an optional
 * {@code pobox.properties} in the home folder, then environment variables, then system properties.
 * An environment variable overrides a key by Camel's convention: {@code pobox.es.url} ← {@code POBOX_ES_URL}.
 * Cron runs with a bare environment, so every default lives in the files, not in a shell profile.
 */
public final class PoboxConfig {

    private final Properties props;
    private final Path home;

    private PoboxConfig(Properties props, Path home) {
        this.props = props;
        this.home = home;
    }

    public static PoboxConfig load() {
        return load(System.getenv(), System.getProperties());
    }

    public static PoboxConfig load(Map<String, String> env, Properties system) {
        Properties p = new Properties();
        try (InputStream in = PoboxConfig.class.getResourceAsStream("/application.properties")) {
            if (in != null) {
                try (Reader r = new java.io.InputStreamReader(in, StandardCharsets.UTF_8)) {
                    p.load(r);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read application.properties", e);
        }
        Path home = resolveHome(env, system);
        Path local = home.resolve("pobox.properties");
        if (Files.isRegularFile(local)) {
            try (Reader r = Files.newBufferedReader(local, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + local, e);
            }
        }
        for (String key : p.stringPropertyNames()) {
            String fromEnv = env.get(envName(key));
            if (fromEnv != null) {
                p.setProperty(key, fromEnv);
            }
        }
        for (String key : system.stringPropertyNames()) {
            if (key.startsWith("pobox.") || key.startsWith("camel.")) {
                p.setProperty(key, system.getProperty(key));
            }
        }
        p.setProperty("pobox.home", home.toString());
        return new PoboxConfig(p, home);
    }

    /** {@code pobox.es.url} → {@code POBOX_ES_URL}. */
    public static String envName(String key) {
        return key.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
    }

    private static Path resolveHome(Map<String, String> env, Properties system) {
        String h = system.getProperty("pobox.home");
        if (h == null || h.isBlank()) {
            h = env.get("POBOX_HOME");
        }
        if (h == null || h.isBlank()) {
            h = ".";
        }
        return Path.of(h).toAbsolutePath().normalize();
    }

    public Path home() {
        return home;
    }

    public String get(String key) {
        String v = props.getProperty(key);
        if (v == null) {
            throw new IllegalStateException("missing setting " + key + " (env " + envName(key) + ")");
        }
        return v.trim();
    }

    public String get(String key, String fallback) {
        String v = props.getProperty(key);
        return v == null || v.isBlank() ? fallback : v.trim();
    }

    public int getInt(String key) {
        return Integer.parseInt(get(key));
    }

    /** A folder setting, relative to the home folder unless absolute. */
    public Path path(String key) {
        return home.resolve(get(key)).normalize();
    }

    public PoboxConfig with(String key, String value) {
        Properties p = new Properties();
        p.putAll(props);
        p.setProperty(key, value);
        return new PoboxConfig(p, home);
    }

    /** Everything, for Camel's property placeholders ({{pobox.inbox}} in the routes). */
    public Properties asProperties() {
        Properties p = new Properties();
        p.putAll(props);
        return p;
    }

    public Path inbox() {
        return path("pobox.inbox");
    }

    public Path archive() {
        return path("pobox.archive");
    }

    public Path failed() {
        return path("pobox.failed");
    }

    /** Empty when pobox should run its own embedded node. */
    public String externalEngineUrl() {
        return get("pobox.es.url", "");
    }

    public int ocrWorkers() {
        int w = Integer.parseInt(get("pobox.ocr.workers", "0"));
        return w > 0 ? w : Runtime.getRuntime().availableProcessors();
    }
}
