package org.pobox.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * pobox's settings: {@code application.properties} on the classpath, then an optional
 * {@code pobox.properties} in the home folder, then environment variables, then system properties.
 * An environment variable overrides a key by Camel's convention: {@code pobox.es.url} ← {@code POBOX_ES_URL}.
 * Cron runs with a bare environment, so every default lives in the files, not in a shell profile.
 *
 * <p>Two places: the <b>data home</b> ({@code POBOX_HOME}: inbox, archive, failed, work, data/,
 * logs, reports, pobox.properties, local seeds), which the mailroom owns and writes, and the
 * <b>installation</b> ({@code POBOX_INSTALL}, which bin/pobox derives from its own location: the
 * program, its libraries, the node's jars, the default seeds, the models), which may be read-only.
 * In a checkout both are the checkout. A relative path setting is resolved against its place here,
 * once, whatever the working directory; Camel gets the resolved, absolute paths too
 * ({@link #asProperties()}), so {@code file:{{pobox.inbox}}} never means {@code ./inbox}.
 */
public final class PoboxConfig {

    /** Settings naming a file or folder of the data home. */
    static final List<String> DATA_PATHS = List.of("pobox.inbox", "pobox.archive", "pobox.failed", "pobox.work",
            "pobox.understand.model", "pobox.node.data", "pobox.register.file", "pobox.batch.lock",
            "pobox.report.dir", "pobox.batch.lastResult", "pobox.logDir");
    /** Settings naming something the installation ships (a data home may have its own seeds). */
    static final List<String> INSTALL_PATHS = List.of("pobox.ocr.paddle.models", "pobox.seeds");

    private final Properties props;
    private final Path home;
    private final Path install;

    private PoboxConfig(Properties props, Path home, Path install) {
        this.props = props;
        this.home = home;
        this.install = install;
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
        Path install = resolveInstall(env, system, home);
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
        p.setProperty("pobox.install", install.toString());
        return new PoboxConfig(p, home, install);
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

    /** {@code pobox.install} (set by bin/pobox), else {@code POBOX_INSTALL}, else the data home (a checkout). */
    private static Path resolveInstall(Map<String, String> env, Properties system, Path home) {
        String i = system.getProperty("pobox.install");
        if (i == null || i.isBlank()) {
            i = env.get("POBOX_INSTALL");
        }
        return i == null || i.isBlank() ? home : home.resolve(i).toAbsolutePath().normalize();
    }

    /** The data home (POBOX_HOME): what pobox reads and writes about letters. */
    public Path home() {
        return home;
    }

    /** Where pobox is installed (POBOX_INSTALL): program, libraries, node, default seeds, models. */
    public Path install() {
        return install;
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

    /**
     * A file or folder setting as an absolute path: an absolute value as it is; a relative one
     * against the installation for what the installation ships ({@link #INSTALL_PATHS}; seeds come
     * from the data home when it has its own {@code seeds/} folder), else against the data home.
     */
    public Path path(String key) {
        Path value = Path.of(get(key));
        if (value.isAbsolute()) {
            return value.normalize();
        }
        if (INSTALL_PATHS.contains(key)) {
            Path local = home.resolve(value).normalize();
            return key.equals("pobox.seeds") && Files.isDirectory(local) ? local : install.resolve(value).normalize();
        }
        return home.resolve(value).normalize();
    }

    public PoboxConfig with(String key, String value) {
        Properties p = new Properties();
        p.putAll(props);
        p.setProperty(key, value);
        return new PoboxConfig(p, home, install);
    }

    /**
     * Everything, for Camel's property placeholders ({{pobox.inbox}} in the routes), with every
     * path setting resolved as {@link #path(String)} does: Camel's file component would otherwise
     * read a relative one against the working directory (cron's is the user's home).
     */
    public Properties asProperties() {
        Properties p = new Properties();
        p.putAll(props);
        for (String key : DATA_PATHS) {
            resolvedInto(p, key);
        }
        for (String key : INSTALL_PATHS) {
            resolvedInto(p, key);
        }
        return p;
    }

    private void resolvedInto(Properties p, String key) {
        String value = props.getProperty(key);
        if (value != null && !value.isBlank() && !value.contains("{{")) {
            p.setProperty(key, path(key).toString());
        }
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
