package io.loyaltyhub.host.testing;

import io.loyaltyhub.api.plugin.PluginContext;
import jakarta.persistence.Entity;
import org.pf4j.Plugin;

import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * Builds real PF4J plugin jars for tests: compiles Java sources against the plugin api (with
 * PF4J's annotation processor, so {@code extensions.idx} is written as in a Maven build), adds
 * resources such as migrations, and writes the manifest entries PF4J reads.
 */
public final class PluginJarBuilder {
    private final String id;
    private final String pluginClass;
    private final Map<String, String> sources = new LinkedHashMap<>();
    private final Map<String, String> resources = new LinkedHashMap<>();

    private PluginJarBuilder(String id, String pluginClass) {
        this.id = id;
        this.pluginClass = pluginClass;
    }

    public static PluginJarBuilder plugin(String id, String pluginClass) {
        return new PluginJarBuilder(id, pluginClass);
    }

    /** @param className fully qualified */
    public PluginJarBuilder source(String className, String code) {
        sources.put(className, code);
        return this;
    }

    public PluginJarBuilder resource(String path, String content) {
        resources.put(path, content);
        return this;
    }

    public Path writeTo(Path dir) throws IOException {
        Path classes = Files.createTempDirectory("plugin-" + id + "-classes");
        compile(classes);
        Files.createDirectories(dir);
        Path jar = dir.resolve(id + "-plugin.jar");
        Manifest mf = new Manifest();
        Attributes a = mf.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Plugin-Id", id);
        a.putValue("Plugin-Version", "1.0.0");
        a.putValue("Plugin-Class", pluginClass);
        a.putValue("Plugin-Description", "test fixture " + id);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), mf);
             Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, out);
                out.closeEntry();
            }
            for (Map.Entry<String, String> r : resources.entrySet()) {
                out.putNextEntry(new JarEntry(r.getKey()));
                out.write(r.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return jar;
    }

    private void compile(Path classes) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<JavaFileObject> units = new ArrayList<>();
        sources.forEach((name, code) -> units.add(new SimpleJavaFileObject(
                URI.create("string:///" + name.replace('.', '/') + ".java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return code;
            }
        }));
        String classpath = String.join(java.io.File.pathSeparator,
                location(PluginContext.class), location(Plugin.class), location(Entity.class));
        StringWriter diagnostics = new StringWriter();
        try (StandardJavaFileManager fm = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            fm.setLocation(StandardLocation.CLASS_OUTPUT, List.of(classes.toFile()));
            boolean ok = javac.getTask(diagnostics, fm, null,
                    List.of("--release", "21", "-proc:full", "-classpath", classpath, "-processorpath", classpath),
                    null, units).call();
            if (!ok) {
                throw new IllegalStateException("fixture plugin " + id + " does not compile:\n" + diagnostics);
            }
        }
    }

    private static String location(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A file that ends in .jar but is no jar at all. */
    public static Path garbageJar(Path dir, String name) throws IOException {
        Files.createDirectories(dir);
        Path p = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(p)) {
            out.write("this is not a zip file".getBytes(StandardCharsets.UTF_8));
        }
        return p;
    }
}
