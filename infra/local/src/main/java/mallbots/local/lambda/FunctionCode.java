package mallbots.local.lambda;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import mallbots.local.template.Template;

/**
 * Where a function's classes come from, as on Lambda: its {@code CodeUri} (the jar the build
 * makes, or a directory of classes with its jars in {@code lib/}), in a class loader of its own
 * whose parent is the JDK's platform class loader. A function sees the JDK and its own jar,
 * nothing of the local cloud and nothing of another function, so a class its jar lacks fails
 * here as it would on Lambda, and no two functions share static state (two functions built from
 * one jar each get their own copy of its classes).
 *
 * <p>A function without a {@code CodeUri} (SAM requires one; only the local cloud's own test
 * templates leave it out) runs from the local cloud's classpath.
 */
public final class FunctionCode {

    /** The class files of each jar read so far: functions of one jar check their handler against one read. */
    private static final Map<Path, Set<String>> JAR_ENTRIES = new ConcurrentHashMap<>();

    private final String location;
    private final ClassLoader loader;
    private final Path path;

    private FunctionCode(String location, ClassLoader loader, Path path) {
        this.location = location;
        this.loader = loader;
        this.path = path;
    }

    /** The function's code, its CodeUri resolved against {@code codeBase} (the template's directory). */
    public static FunctionCode of(Template.Function spec, Path codeBase) {
        if (spec.codeUri().isEmpty()) {
            return new FunctionCode("the local cloud's classpath", FunctionCode.class.getClassLoader(), null);
        }
        Path code = codeBase.resolve(spec.codeUri()).toAbsolutePath().normalize();
        List<URL> urls = new ArrayList<>();
        if (Files.isRegularFile(code)) {
            urls.add(url(code));
        } else if (Files.isDirectory(code)) {
            urls.add(url(code));
            Path lib = code.resolve("lib");
            if (Files.isDirectory(lib)) {
                try (Stream<Path> jars = Files.list(lib)) {
                    jars.filter(jar -> jar.toString().endsWith(".jar")).sorted().forEach(jar -> urls.add(url(jar)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        } else {
            throw new HostException("function " + spec.name() + ": its CodeUri " + code
                    + " does not exist (build the function jars first: mvn package -DskipTests)");
        }
        return new FunctionCode(code.toString(), new URLClassLoader(spec.name(), urls.toArray(URL[]::new),
                ClassLoader.getPlatformClassLoader()), code);
    }

    /**
     * Whether the code holds the class, without loading it: a jar's entries are read once for all
     * the functions built from it (opening each function's jar in its own loader at start-up
     * would cost a read of the jar per function); a directory or the classpath asks its loader.
     */
    boolean holds(String className) {
        if (path != null && Files.isRegularFile(path)) {
            return JAR_ENTRIES.computeIfAbsent(path, FunctionCode::classEntries)
                    .contains(className.replace('.', '/') + ".class");
        }
        return loader.getResource(className.replace('.', '/') + ".class") != null;
    }

    private static Set<String> classEntries(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.stream().map(JarEntry::getName).filter(name -> name.endsWith(".class"))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new HostException("cannot read " + jar + ": " + e.getMessage(), e);
        }
    }

    /** The jar or directory the classes come from, for messages. */
    public String location() {
        return location;
    }

    public ClassLoader loader() {
        return loader;
    }

    /** Closes the jar files of an isolated loader. */
    void close() {
        if (loader instanceof URLClassLoader own && loader != FunctionCode.class.getClassLoader()) {
            try {
                own.close();
            } catch (IOException ignored) {
                // the JVM closes them at exit anyway
            }
        }
    }

    private static URL url(Path path) {
        try {
            return path.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(path.toString(), e);
        }
    }
}
