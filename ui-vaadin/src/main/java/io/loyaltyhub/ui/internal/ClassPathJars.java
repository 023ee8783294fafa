package io.loyaltyhub.ui.internal;

import org.eclipse.jetty.ee10.webapp.Configuration;
import org.eclipse.jetty.ee10.webapp.MetaInfConfiguration;
import org.eclipse.jetty.ee10.webapp.WebAppContext;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Jetty's scan for container jars, made independent of how the JVM was started.
 *
 * <p>Jetty finds container jars in {@code java.class.path} and in {@code URLClassLoader} parents.
 * Under {@code java -jar loyalty-server.jar} the class path is that one jar and its manifest's
 * {@code Class-Path} names the rest, so Jetty saw no Vaadin jar, Vaadin's initializers never ran and
 * every page answered 500. Every jar the class loader can read has a {@code META-INF/MANIFEST.MF},
 * which tells us where it is, however it got onto the class path.
 */
public final class ClassPathJars extends MetaInfConfiguration {
    private final ClassLoader loader;

    public ClassPathJars(ClassLoader loader) {
        this.loader = loader;
    }

    @Override
    public Class<? extends Configuration> replaces() {
        return MetaInfConfiguration.class;
    }

    @Override
    protected List<URI> getAllContainerJars(WebAppContext context) {
        Set<URI> jars = new LinkedHashSet<>(super.getAllContainerJars(context));
        // Jetty adds java.class.path entries itself; a jar of the same name found again through a
        // manifest (a test class path holding both the Maven and the dist copies) is the same jar
        Set<String> named = new HashSet<>();
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                named.add(Path.of(entry).getFileName().toString());
            }
        }
        for (URI jar : jarsOf(loader)) {
            if (named.add(Path.of(jar).getFileName().toString())) {
                jars.add(jar);
            }
        }
        return new ArrayList<>(jars);
    }

    /** The file URI of every jar {@code loader} reads, in class path order. */
    static List<URI> jarsOf(ClassLoader loader) {
        List<URI> jars = new ArrayList<>();
        try {
            for (URL manifest : Collections.list(loader.getResources("META-INF/MANIFEST.MF"))) {
                String url = manifest.toString();
                int bang = url.indexOf("!/");
                if (url.startsWith("jar:file:") && bang > 0) {
                    URI jar = URI.create(url.substring("jar:".length(), bang));
                    jars.add(Path.of(jar).toAbsolutePath().normalize().toUri());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the class path's jars", e);
        }
        return jars;
    }
}
